package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    if (musl(target)) {
      packages.addAll(cross ? gccCross(target) : List.of("gcc", "musl-dev"));
    } else {
      packages.addAll(cross ? gccCross(target) : List.of("gcc", "g++", "libc6-dev"));
    }
    return packages;
  }

  /**
   * Debian's cross gcc for the target; for a musl target the gcc of its architecture with the
   * target's {@code musl-dev} (headers, start files and {@code libc.a} for that architecture).
   */
  static List<String> gccCross(Target target) {
    if (musl(target)) {
      return List.of("gcc-" + gccPrefix(target), "musl-dev:" + target.debianArch());
    }
    return List.of(
        "gcc-" + target.gnuPrefix(),
        "g++-" + target.gnuPrefix(),
        "libc6-dev-" + target.debianArch() + "-cross");
  }

  /**
   * Why {@code recipe} can't build {@code project} for the musl target {@code target}, known before
   * anything is built (the plan fails with it), or empty: the cmake recipe refuses a project that
   * enables C++.
   */
  public static Optional<String> muslRefusal(Recipe recipe, Target target, BuildContext project) {
    if (!musl(target) || !(recipe.preset() instanceof CMakePreset)) {
      return Optional.empty();
    }
    return CMakePreset.cxxRefusal(project);
  }

  /** Whether the target's C library is musl (its tools' prefix is a musl multiarch triple). */
  static boolean musl(Target target) {
    return target.gnuPrefix() != null && target.gnuPrefix().contains("-musl");
  }

  /**
   * The prefix of the Debian gcc that compiles for the target: its own prefix for glibc, the glibc
   * prefix of the same architecture for musl ({@code arm-linux-musleabihf} -> {@code
   * arm-linux-gnueabihf}).
   */
  static String gccPrefix(Target target) {
    return target.gnuPrefix().replace("-musl", "-gnu");
  }

  /**
   * The commands that follow the package installation of a recipe that compiles C: ccache's links,
   * and for a musl target its tools (see {@link #muslTools}).
   */
  static List<String> afterInstall(Target target) {
    return musl(target) ? List.of(CCACHE_LINKS, muslTools(target)) : List.of(CCACHE_LINKS);
  }

  /** The environment variable that turns off static linking of musl executables ({@code 0}). */
  public static final String MUSL_STATIC = "CROSS_MUSL_STATIC";

  /**
   * Writes the musl target's tools into {@code /usr/local/bin}, as Debian's {@code musl-gcc} does
   * for the build machine only: {@code <musl prefix>-gcc} runs the architecture's gcc with the
   * {@code musl-gcc.specs} of the target's {@code musl-dev}, so headers, start files and libc are
   * musl's. It links executables statically unless {@code CROSS_MUSL_STATIC=0}, as Rust's musl
   * targets do: a static program runs on any Linux of its architecture, Alpine and distroless
   * included. Shared libraries ({@code -shared}) and partial links ({@code -r}) are never static,
   * nor is a program linked with a shared library named by its path ({@code libjpeg.so.62}, as
   * CMake links a project's own): it needs that library at run time anyway. {@code <musl
   * prefix>-g++} fails with the reason (Debian has no libstdc++ for musl); the binutils are links
   * to the architecture's. ccache gets a link for the gcc, as for Debian's.
   */
  static String muslTools(Target target) {
    String musl = target.gnuPrefix();
    String gnu = gccPrefix(target);
    String bin = "/usr/local/bin/" + musl;
    return "printf '%s\\n' '#!/bin/sh'"
        + " '# Generated by cross-build: gcc for "
        + target.triple().value()
        + " with musl (static executables unless "
        + MUSL_STATIC
        + "=0).'"
        + " 'static=-static'"
        + " '[ \"${"
        + MUSL_STATIC
        + ":-1}\" != 0 ] || static='"
        + " 'for a in \"$@\"; do case \"$a\" in -shared|-r|*.so|*.so.[0-9]*) static= ;; esac; done'"
        + " 'exec /usr/bin/"
        + gnu
        + "-gcc \"$@\" $static -specs /usr/lib/"
        + musl
        + "/musl-gcc.specs'"
        + " > "
        + bin
        + "-gcc && printf '%s\\n' '#!/bin/sh'"
        + " 'echo \"cross-build: no C++ compiler for "
        + target.triple().value()
        + ": Debian has no libstdc++ built for musl. Build only C for musl targets, or give the"
        + " target an <image> with a musl C++ toolchain.\" >&2' 'exit 1' > "
        + bin
        + "-g++ && chmod 755 "
        + bin
        + "-gcc "
        + bin
        + "-g++ && for t in addr2line ar as ld nm objcopy objdump ranlib readelf strip; do"
        + " ln -sf /usr/bin/"
        + gnu
        + "-$t "
        + bin
        + "-$t; done && if [ -d /usr/lib/ccache ]; then ln -sf ../../bin/ccache /usr/lib/ccache/"
        + musl
        + "-gcc; fi";
  }

  /**
   * {@code CC}, {@code CXX}, {@code AR}, {@code RANLIB}, {@code STRIP} and {@code PKG_CONFIG_PATH}
   * naming the tools that build for the target, whatever the strategy: Debian's prefixed tools
   * ({@code x86_64-linux-gnu-gcc} exists on amd64 as {@code aarch64-linux-gnu-gcc} does in an arm64
   * image or as a cross compiler), so that one build command ({@code make CC="$CC"}) serves every
   * target. For a musl target they are its musl tools ({@code aarch64-linux-musl-gcc}, see {@link
   * #muslTools}). {@code CROSS_GNU_PREFIX} is the prefix of them all.
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
