package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler packages and environment a recipe needs for one target, natively or with Debian's cross
 * gcc. Debian ships cross compilers only for amd64 build machines, so cross-compiling is offered from
 * {@code linux/amd64} to Linux glibc targets that have a GNU prefix in the catalog.
 */
public final class Toolchain {

  private static final Platform CROSS_HOST = new Platform("linux", "amd64", null);

  private Toolchain() {}

  /** Whether this recipe can cross-compile {@code target} in an image running at {@code builder}. */
  public static boolean canCross(Recipe recipe, Target target, Platform builder) {
    return target.container()
        && CROSS_HOST.equals(builder)
        && !target.platform().equals(builder)
        && target.gnuPrefix() != null
        && target.debianArch() != null;
  }

  /**
   * Debian packages to install: the toolchain (the custom recipe gets none natively), then the setup
   * packages for the target architecture.
   */
  public static List<String> packages(Recipe recipe, Target target, boolean cross) {
    // The custom recipe brings its own tools natively; a cross build always needs the cross gcc.
    List<String> packages = new ArrayList<>();
    boolean toolchain = !"custom".equals(recipe.id());
    if (toolchain) {
      packages.add("make");
    }
    if (cross) {
      packages.add("gcc-" + target.gnuPrefix());
      packages.add("g++-" + target.gnuPrefix());
      packages.add("libc6-dev-" + target.debianArch() + "-cross");
      for (String p : recipe.setupPackages()) {
        packages.add(p.contains(":") ? p : p + ":" + target.debianArch());
      }
    } else {
      if (toolchain) {
        packages.addAll(List.of("gcc", "g++", "libc6-dev"));
      }
      packages.addAll(recipe.setupPackages());
    }
    return packages;
  }

  /** Variables set in both stages: what every build gets, the cross compiler, then the POM's env. */
  public static Map<String, String> environment(Recipe recipe, Target target, boolean cross) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CROSS_TARGET", target.triple().value());
    env.put("CROSS_CLASSIFIER", target.classifier());
    env.put("CROSS_OUT", "/out");
    if (cross) {
      String prefix = target.gnuPrefix();
      env.put("CROSS_GNU_PREFIX", prefix);
      env.put("CC", prefix + "-gcc");
      env.put("CXX", prefix + "-g++");
      env.put("AR", prefix + "-ar");
      env.put("RANLIB", prefix + "-ranlib");
      env.put("STRIP", prefix + "-strip");
      env.put("PKG_CONFIG_PATH", "/usr/lib/" + prefix + "/pkgconfig");
    }
    env.putAll(recipe.env());
    return env;
  }
}
