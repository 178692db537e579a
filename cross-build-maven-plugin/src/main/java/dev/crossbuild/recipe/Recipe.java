package dev.crossbuild.recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a project is built, preset defaults already merged with the POM's overrides.
 *
 * @param id preset id ({@code make}, {@code custom})
 * @param version preset version; bumping it invalidates every deps image made with the preset
 * @param setupPackages Debian packages for the target architecture (libraries such as {@code zlib1g-dev});
 *     when cross-compiling they are installed as {@code <package>:<debian arch>}
 * @param setupCommands extra shell commands run in the deps image after the packages
 * @param manifests files (paths or globs relative to the project) copied into the deps image; the deps
 *     image is rebuilt only when their bytes change
 * @param depsCommand shell command run in the deps image after the manifests are copied, or empty
 * @param buildCommand shell command that builds the project in {@code /src}
 * @param artifacts paths or globs relative to {@code /src} collected into the output after the build
 * @param env environment for both stages
 */
public record Recipe(
    String id,
    String version,
    List<String> setupPackages,
    List<String> setupCommands,
    List<String> manifests,
    String depsCommand,
    String buildCommand,
    List<String> artifacts,
    Map<String, String> env) {

  public Recipe {
    Objects.requireNonNull(id, "id");
    version = version == null ? "1" : version;
    setupPackages = List.copyOf(setupPackages);
    setupCommands = List.copyOf(setupCommands);
    manifests = List.copyOf(manifests);
    depsCommand = depsCommand == null ? "" : depsCommand.strip();
    buildCommand = buildCommand == null ? "" : buildCommand.strip();
    artifacts = List.copyOf(artifacts);
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }
}
