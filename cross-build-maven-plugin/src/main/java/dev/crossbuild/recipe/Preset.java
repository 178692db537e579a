package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.List;
import java.util.Map;

/**
 * A built-in recipe: what a kind of project needs in its deps and source stages. Presets know their
 * toolchain; the POM's overrides are applied over them by {@link Toolchain#forTarget}.
 */
public interface Preset {

  /** The {@code <recipe>} value. */
  String id();

  /** Bumped whenever what the preset renders changes, so that old deps images are not reused. */
  String version();

  /** Files copied into the deps image when the POM lists none (globs relative to the project). */
  List<String> manifests();

  /**
   * The base image for every target, {@code {repo}} standing for the per-architecture repository of
   * the image's platform; null for the catalog's Debian image.
   */
  String image();

  /** Whether the preset can cross-compile {@code target} in an image at {@code builder}. */
  boolean canCross(Target target, Platform builder, Map<String, String> env);

  /** The preset's own packages, environment, files and commands for one target. */
  Defaults defaults(Target target, boolean cross, BuildContext project, Map<String, String> env);

  /**
   * What a preset contributes for one target before the POM's overrides.
   *
   * @param packages Debian packages always installed (the toolchain)
   * @param toolChecks packages installed when a command is missing
   * @param afterInstall shell commands right after the packages
   * @param env preset environment (the POM's {@code <env>} goes over it)
   * @param files generated files, absolute image path -> bytes
   * @param depsCommand default deps command
   * @param buildCommand default build command
   * @param artifacts default artifacts
   */
  record Defaults(
      List<String> packages,
      List<ToolCheck> toolChecks,
      List<String> afterInstall,
      Map<String, String> env,
      Map<String, byte[]> files,
      String depsCommand,
      String buildCommand,
      List<String> artifacts) {}
}
