package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.List;
import java.util.Map;

/**
 * {@code custom}: the POM gives the commands. Natively the base image brings its own tools; a cross build
 * still gets Debian's cross gcc and its {@code CC}/{@code AR} environment.
 */
final class CustomPreset implements Preset {

  @Override
  public String id() {
    return "custom";
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
  public Defaults defaults(Target target, boolean cross, ProjectFiles project, Map<String, String> env) {
    return new Defaults(cross ? Toolchain.gccCross(target).subList(1, 4) : List.of(), List.of(), List.of(),
        cross ? Toolchain.gccCrossEnv(target) : Map.of(), Map.of(), "", "", List.of());
  }
}
