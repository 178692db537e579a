package dev.crossbuild.plan;

import dev.crossbuild.target.Platform;

/**
 * Answers whether a builder can run containers of a foreign platform (QEMU registered in
 * binfmt_misc).
 */
@FunctionalInterface
public interface EmulationProbe {

  /** Called at most once per builder and platform in a run (the planner caches the answer). */
  boolean canEmulate(BuilderNode builder, Platform platform);

  /**
   * Why the last probe of this builder and platform could not tell (e.g. no image of that platform
   * to run), or null when it answered plainly.
   */
  default String problem(BuilderNode builder, Platform platform) {
    return null;
  }
}
