package dev.crossbuild.plan;

import dev.crossbuild.target.Platform;
import java.util.Objects;

/**
 * A container engine that can build targets, as the planner sees it.
 *
 * @param id {@code local} or the {@code <builder>} id from the POM
 * @param endpoint where it is reached, for messages
 * @param nativePlatform the platform its containers run at without emulation
 * @param maxParallel how many targets it builds at once
 */
public record BuilderNode(String id, String endpoint, Platform nativePlatform, int maxParallel) {

  public BuilderNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nativePlatform, "nativePlatform");
    if (maxParallel < 1) {
      throw new IllegalArgumentException("maxParallel must be at least 1, was " + maxParallel);
    }
  }
}
