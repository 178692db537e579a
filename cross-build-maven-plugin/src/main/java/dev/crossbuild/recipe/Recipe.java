package dev.crossbuild.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a project is built: the preset and what the POM overrides. What a preset derives per target
 * (the toolchain, the cargo skeleton, default commands) is worked out by {@link
 * Toolchain#forTarget}.
 *
 * @param id preset id ({@code make}, {@code cmake}, {@code cargo}, {@code go}, {@code maven},
 *     {@code custom})
 * @param version preset version; bumping it invalidates every deps image made with the preset
 * @param setupPackages Debian packages for the target architecture (libraries such as {@code
 *     zlib1g-dev}); when cross-compiling they are installed as {@code <package>:<debian arch>}
 * @param buildTools Debian packages for the build machine (code generators, JDK headers, crate
 *     sources), never qualified with the target's architecture
 * @param setupCommands extra shell commands run in the deps image after the packages
 * @param manifests files (paths or globs relative to the project) copied into the deps image; the
 *     deps image is rebuilt only when their bytes change
 * @param depsCommand the POM's deps command, or empty for the preset's
 * @param buildCommand the POM's build command, or empty for the preset's
 * @param artifacts the POM's artifacts, or empty for the preset's
 * @param env the POM's environment, applied over the preset's
 * @param image base image template for every target ({@code {repo}} = per-architecture repository),
 *     or null for the preset's default
 */
public record Recipe(
    String id,
    String version,
    List<String> setupPackages,
    List<String> buildTools,
    List<String> setupCommands,
    List<String> manifests,
    String depsCommand,
    String buildCommand,
    List<String> artifacts,
    Map<String, String> env,
    String image) {

  public Recipe {
    Objects.requireNonNull(id, "id");
    version = version == null ? "1" : version;
    setupPackages = List.copyOf(setupPackages);
    buildTools = List.copyOf(buildTools);
    setupCommands = List.copyOf(setupCommands);
    manifests = List.copyOf(manifests);
    depsCommand = depsCommand == null ? "" : depsCommand.strip();
    buildCommand = buildCommand == null ? "" : buildCommand.strip();
    artifacts = List.copyOf(artifacts);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  /** The preset this recipe starts from. */
  public Preset preset() {
    return Presets.get(id);
  }
}
