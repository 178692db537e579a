package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a preset's per-target defaults with the POM's overrides, and holds what the C-family
 * presets share: Debian's cross gcc. Debian ships cross compilers only for amd64 build machines, so
 * gcc-based cross-compiling is offered from {@code linux/amd64} to Linux glibc targets with a GNU
 * prefix in the catalog.
 */
public final class Toolchain {

  /** The only build machine Debian ships cross compilers for. */
  static final Platform CROSS_HOST = new Platform("linux", "amd64", null);

  private Toolchain() {}

  /**
   * Whether this recipe can cross-compile {@code target} in an image running at {@code builder}.
   */
  public static boolean canCross(Recipe recipe, Target target, Platform builder) {
    return target.container()
        && !target.platform().equals(builder)
        && recipe.preset().canCross(target, builder, recipe.env());
  }

  /**
   * The target's full recipe: the preset's defaults for it, then the POM's overrides. Setup
   * packages are qualified with the target's architecture when cross-compiling; build tools never
   * are.
   */
  public static TargetRecipe forTarget(
      Recipe recipe, Target target, boolean cross, BuildContext project) {
    Preset.Defaults d = recipe.preset().defaults(target, cross, project, recipe.env());
    List<String> packages = new ArrayList<>(d.packages());
    for (String p : recipe.setupPackages()) {
      packages.add(cross && !p.contains(":") ? p + ":" + target.debianArch() : p);
    }
    packages.addAll(recipe.buildTools());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CROSS_TARGET", target.triple().value());
    env.put("CROSS_CLASSIFIER", target.classifier());
    env.put("CROSS_OUT", "/out");
    env.putAll(d.env());
    env.putAll(recipe.env());
    return new TargetRecipe(
        cross && needsForeignArch(packages, d.toolChecks(), target) ? target.debianArch() : null,
        packages.stream().distinct().toList(),
        d.toolChecks(),
        d.afterInstall(),
        recipe.setupCommands(),
        env,
        d.files(),
        recipe.depsCommand().isEmpty() ? d.depsCommand() : recipe.depsCommand(),
        recipe.buildCommand().isEmpty() ? d.buildCommand() : recipe.buildCommand(),
        recipe.artifacts().isEmpty() ? d.artifacts() : recipe.artifacts());
  }

  /**
   * {@code dpkg --add-architecture} only when a package of the target's architecture is installed.
   */
  private static boolean needsForeignArch(
      List<String> packages, List<ToolCheck> checks, Target target) {
    String suffix = ":" + target.debianArch();
    return target.debianArch() != null
        && (packages.stream().anyMatch(p -> p.endsWith(suffix))
            || checks.stream()
                .flatMap(c -> c.packages().stream())
                .anyMatch(p -> p.endsWith(suffix)));
  }

  /** Whether Debian's cross gcc can target {@code target} from {@code builder}. */
  static boolean gccCanCross(Target target, Platform builder) {
    return CROSS_HOST.equals(builder) && target.gnuPrefix() != null && target.debianArch() != null;
  }

  /**
   * Links every installed gcc (the cross ones too) into ccache's masquerade directory, which the
   * build cache puts first on {@code PATH}.
   */
  static final String CCACHE_LINKS =
      "if command -v update-ccache-symlinks >/dev/null 2>&1; then update-ccache-symlinks; fi";

  /** make with the native C toolchain, or with Debian's cross gcc for the target. */
  static List<String> makeAndGcc(Target target, boolean cross) {
    List<String> packages = new ArrayList<>(List.of("make"));
    packages.addAll(cross ? gccCross(target) : List.of("gcc", "g++", "libc6-dev"));
    return packages;
  }

  /** Debian's cross gcc for the target. */
  static List<String> gccCross(Target target) {
    return List.of(
        "gcc-" + target.gnuPrefix(),
        "g++-" + target.gnuPrefix(),
        "libc6-dev-" + target.debianArch() + "-cross");
  }

  /**
   * {@code CC}, {@code CXX}, {@code AR}, {@code RANLIB}, {@code STRIP} and {@code PKG_CONFIG_PATH}
   * naming the tools that build for the target, whatever the strategy: Debian's prefixed tools
   * ({@code x86_64-linux-gnu-gcc} exists on amd64 as {@code aarch64-linux-gnu-gcc} does in an arm64
   * image or as a cross compiler), so that one build command ({@code make CC="$CC"}) serves every
   * target. {@code CROSS_GNU_PREFIX} is set where the target has such a prefix; without one (musl)
   * the plain tool names stand.
   */
  static Map<String, String> gccEnv(Target target) {
    String prefix = target.gnuPrefix();
    String tool = prefix == null ? "" : prefix + "-";
    Map<String, String> env = new LinkedHashMap<>();
    if (prefix != null) {
      env.put("CROSS_GNU_PREFIX", prefix);
    }
    env.put("CC", tool + "gcc");
    env.put("CXX", tool + "g++");
    env.put("AR", tool + "ar");
    env.put("RANLIB", tool + "ranlib");
    env.put("STRIP", tool + "strip");
    env.put(
        "PKG_CONFIG_PATH",
        prefix == null ? "/usr/lib/pkgconfig" : "/usr/lib/" + prefix + "/pkgconfig");
    return env;
  }
}
