package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.List;
import java.util.Map;

/** {@code make}: gcc and make, {@code CC}/{@code AR} and friends set for the triple when cross-compiling. */
final class MakePreset implements Preset {

  @Override
  public String id() {
    return "make";
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
    return new Defaults(cross ? Toolchain.gccCross(target) : Toolchain.gccNative(), List.of(), List.of(),
        cross ? Toolchain.gccCrossEnv(target) : Map.of(), Map.of(), "", "make", List.of());
  }
}
