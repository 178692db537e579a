package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The C-family presets that only bring a compiler: {@code make} (gcc and make, default build
 * command {@code make}) and {@code custom} (the POM gives the commands; natively the base image
 * brings its own tools). A cross build gets Debian's cross gcc; every build gets {@code CC}/{@code
 * AR} and friends for the target (see {@link Toolchain#gccEnv}).
 */
final class GccPreset implements Preset {

  private final String id;
  private final boolean nativeToolchain;
  private final String buildCommand;

  /**
   * @param nativeToolchain whether make and gcc are installed for native builds too
   * @param buildCommand the default build command, or empty when the POM must give one
   */
  GccPreset(String id, boolean nativeToolchain, String buildCommand) {
    this.id = id;
    this.nativeToolchain = nativeToolchain;
    this.buildCommand = buildCommand;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> manifests() {
    return List.of();
  }

  @Override
  public String image() {
    return null;
  }

  @Override
  public boolean canCross(Target target, Platform builder, Map<String, String> env) {
    return Toolchain.gccCanCross(target, builder);
  }

  @Override
  public Defaults defaults(
      Target target, boolean cross, BuildContext project, Map<String, String> env) {
    List<String> packages =
        new ArrayList<>(
            nativeToolchain
                ? Toolchain.makeAndGcc(target, cross)
                : cross
                    ? Toolchain.gccCross(target)
                    // a native build brings its own compiler, but only Debian's musl-dev makes musl
                    : Toolchain.musl(target) ? List.of("gcc", "musl-dev") : List.of());
    // ccache for the build cache, wherever the recipe installs a compiler (a native custom build
    // brings its own).
    if (!packages.isEmpty()) {
      packages.add("ccache");
    }
    return new Defaults(
        packages,
        List.of(),
        packages.isEmpty() ? List.of() : Toolchain.afterInstall(target),
        Toolchain.gccEnv(target),
        Map.of(),
        "",
        buildCommand,
        List.of());
  }
}
