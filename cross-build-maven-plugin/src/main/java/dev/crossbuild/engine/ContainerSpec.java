package dev.crossbuild.engine;

import dev.crossbuild.target.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container to create for a build step: its image and platform, command, labels, environment,
 * working directory and mounts.
 */
public record ContainerSpec(
    String image,
    Platform platform,
    List<String> command,
    Map<String, String> labels,
    Map<String, String> env,
    String workdir,
    List<Mount> mounts) {

  public ContainerSpec {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(platform, "platform");
    command = List.copyOf(command);
    labels = Map.copyOf(labels);
    env = Map.copyOf(env);
    mounts = List.copyOf(mounts);
  }

  /** A named volume or a host directory, mounted at {@code target} in the container. */
  public record Mount(boolean volume, String source, String target) {

    /** The named volume {@code name} (created first with {@link ContainerEngine#createVolume}). */
    public static Mount volume(String name, String target) {
      return new Mount(true, name, target);
    }

    /** The host directory {@code dir} (on the engine's machine), bind-mounted. */
    public static Mount directory(Path dir, String target) {
      return new Mount(false, dir.toAbsolutePath().toString(), target);
    }
  }
}
