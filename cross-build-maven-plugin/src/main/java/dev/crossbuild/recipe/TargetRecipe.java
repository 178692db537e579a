package dev.crossbuild.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one target's deps and source stages run, preset defaults and the POM's overrides
 * merged.
 *
 * @param foreignArch Debian architecture added with {@code dpkg --add-architecture} (cross builds),
 *     or null
 * @param packages Debian packages always installed
 * @param toolChecks packages installed only when a command is missing from the base image
 * @param afterInstall shell commands run right after the packages (e.g. {@code rustup target add})
 * @param setupCommands the POM's setup commands
 * @param env environment for both stages
 * @param files generated files (absolute path in the image -> bytes) copied in before the deps
 *     command, e.g. a CMake toolchain file or the cargo skeleton; part of the deps key
 * @param depsCommand shell command of the deps stage, or empty
 * @param buildCommand shell command of the source stage
 * @param artifacts paths or globs relative to {@code /src} collected into the output by name
 */
public record TargetRecipe(
    String foreignArch,
    List<String> packages,
    List<ToolCheck> toolChecks,
    List<String> afterInstall,
    List<String> setupCommands,
    Map<String, String> env,
    Map<String, byte[]> files,
    String depsCommand,
    String buildCommand,
    List<String> artifacts) {

  public TargetRecipe {
    packages = List.copyOf(packages);
    toolChecks = List.copyOf(toolChecks);
    afterInstall = List.copyOf(afterInstall);
    setupCommands = List.copyOf(setupCommands);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    files = Collections.unmodifiableMap(new TreeMap<>(files));
    depsCommand = depsCommand == null ? "" : depsCommand.strip();
    buildCommand = buildCommand == null ? "" : buildCommand.strip();
    artifacts = List.copyOf(artifacts);
  }
}
