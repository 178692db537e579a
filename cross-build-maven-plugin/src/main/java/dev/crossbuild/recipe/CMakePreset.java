package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cmake}: configures in the deps stage where the CMakeLists alone allow it (the compiler
 * checks are cached either way), builds and installs into the output in the source stage. Cross
 * builds get a generated toolchain file for Debian's cross gcc, picked up through {@code
 * CMAKE_TOOLCHAIN_FILE}.
 */
final class CMakePreset implements Preset {

  /** Where the generated toolchain file lives in the image. */
  static final String TOOLCHAIN_FILE = "/cross/toolchain.cmake";

  private static final String BUILD_DIR = "\"target/cmake-$CROSS_TARGET\"";
  private static final String CONFIGURE =
      "cmake -S . -B " + BUILD_DIR + " -DCMAKE_BUILD_TYPE=Release";

  /**
   * Before the source stage configures, the cache the deps stage left keeps only CMake's own
   * entries and the INTERNAL ones (compiler and {@code check_*} results): the project's cache
   * variables are computed again, so that nothing worked out in the deps stage, with its fixed
   * {@code SOURCE_DATE_EPOCH}, outlives it ({@code set(BUILD ${TODAY} CACHE STRING "")} after a
   * {@code string(TIMESTAMP TODAY ...)} would otherwise keep 1980-01-01 for ever). A cache variable
   * given with {@code -D} on the configure command is given again. CMake drops them itself ({@code
   * -U name} for each), so the cache stays one it can read.
   */
  static final String FORGET_PROJECT_VALUES =
      "cross_forget=$(if [ -f \"target/cmake-$CROSS_TARGET/CMakeCache.txt\" ]; then sed -n -E"
          + " '/^CMAKE_/d; s/^([^#/][^=:]*):(BOOL|STRING|PATH|FILEPATH|UNINITIALIZED)=.*/-U \\1/p'"
          + " \"target/cmake-$CROSS_TARGET/CMakeCache.txt\"; fi)";

  @Override
  public String id() {
    return "cmake";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> manifests() {
    return List.of(
        "CMakeLists.txt",
        "**/CMakeLists.txt",
        "**/*.cmake",
        "vcpkg.json",
        "conanfile.txt",
        "conanfile.py",
        "CMakePresets.json");
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
    if (Toolchain.musl(target)) {
      refuseCxx(target, project);
    }
    List<String> packages = new ArrayList<>(Toolchain.makeAndGcc(target, cross));
    packages.add("cmake");
    packages.add("pkg-config");
    packages.add("ccache");
    Map<String, String> vars = new LinkedHashMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    vars.putAll(Toolchain.gccEnv(target));
    if (cross) {
      vars.put("CMAKE_TOOLCHAIN_FILE", TOOLCHAIN_FILE);
      files.put(TOOLCHAIN_FILE, toolchainFile(target).getBytes(StandardCharsets.UTF_8));
    }
    // musl programs are static (see Toolchain.muslTools): they have no RPATH for cmake --install
    // to rewrite, so CMake must not set one.
    String configure = Toolchain.musl(target) ? CONFIGURE + " -DCMAKE_SKIP_RPATH=ON" : CONFIGURE;
    String deps =
        "mkdir -p target && { "
            + configure
            + " > target/cmake-deps.log 2>&1"
            + " || echo 'cross-build: the CMakeLists alone do not configure (sources are missing);"
            + " the source stage configures again with the compiler checks cached'; }";
    // With the build cache, ccache launches every compile (the deps stage configured the compilers
    // already,
    // so the launcher is given on the command line, which updates that cache).
    String build =
        FORGET_PROJECT_VALUES
            + "\n"
            + configure
            + " $cross_forget ${CROSS_CCACHE:+-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache}\n"
            + "cmake --build "
            + BUILD_DIR
            + " --parallel \"$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)\"\n"
            + "cmake --install "
            + BUILD_DIR
            + " --prefix \"$CROSS_OUT\"";
    return new Defaults(
        packages, List.of(), Toolchain.afterInstall(target), vars, files, deps, build, List.of());
  }

  /** {@code project(name [languages])} or {@code enable_language(...)}, comments removed. */
  private static final Pattern LANGUAGE_CALL =
      Pattern.compile("(?i)\\b(project|enable_language)\\s*\\(([^)]*)\\)");

  private static final Set<String> PROJECT_KEYWORDS =
      Set.of("VERSION", "DESCRIPTION", "HOMEPAGE_URL", "LANGUAGES");

  /**
   * Debian has no C++ library built for musl, so a musl target of a project whose top-level
   * CMakeLists enables C++ (a {@code project()} without languages enables C and CXX) fails before
   * any image is built, saying what to change.
   */
  private static void refuseCxx(Target target, BuildContext project) {
    cxxRefusal(project)
        .ifPresent(
            why -> {
              throw new RecipeException("Target " + target.triple().value() + ": " + why, null);
            });
  }

  /** Why the project can't be built for musl (it enables C++), or empty. */
  static Optional<String> cxxRefusal(BuildContext project) {
    Path lists = project.dir().resolve("CMakeLists.txt");
    if (!project.has("CMakeLists.txt") || !Files.isRegularFile(lists)) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(lists, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty(); // cmake itself says what is wrong with the file
    }
    return enablesCxx(text)
        ? Optional.of(
            "CMakeLists.txt enables C++ (a project() without LANGUAGES, or CXX), but Debian has"
                + " no libstdc++ built for musl, so the cmake recipe builds only C for musl"
                + " targets. Write project(<name> LANGUAGES C) if the project is C, or give the"
                + " target an <image> with a musl C++ toolchain.")
        : Optional.empty();
  }

  /** Whether a CMakeLists enables C++: by a {@code project()} that names no language, or CXX. */
  static boolean enablesCxx(String cmakeLists) {
    String code = cmakeLists.replaceAll("(?m)#.*$", "");
    Matcher call = LANGUAGE_CALL.matcher(code);
    while (call.find()) {
      List<String> args = List.of(call.group(2).trim().split("\\s+"));
      if (args.stream().anyMatch(a -> a.equalsIgnoreCase("CXX"))) {
        return true;
      }
      if (call.group(1).equalsIgnoreCase("project")) {
        int languages = args.indexOf("LANGUAGES");
        boolean named =
            languages >= 0
                ? languages + 1 < args.size() && !PROJECT_KEYWORDS.contains(args.get(languages + 1))
                : args.size() > 1 && !PROJECT_KEYWORDS.contains(args.get(1));
        if (!named) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A toolchain file for Debian's cross gcc. Libraries of {@code <package>:<arch>} live in the
   * multiarch directory {@code /usr/lib/<gnu prefix>}, which {@code CMAKE_LIBRARY_ARCHITECTURE}
   * makes CMake search instead of the build machine's; programs always come from the build machine.
   */
  static String toolchainFile(Target target) {
    String prefix = target.gnuPrefix();
    String processor = prefix.substring(0, prefix.indexOf('-'));
    return "# Generated by cross-build: CMake toolchain for "
        + target.triple().value()
        + (Toolchain.musl(target)
            ? " with musl over Debian's gcc.\n"
            : " with Debian's cross gcc.\n")
        + "set(CMAKE_SYSTEM_NAME Linux)\n"
        + "set(CMAKE_SYSTEM_PROCESSOR "
        + processor
        + ")\n"
        + "set(CMAKE_C_COMPILER "
        + prefix
        + "-gcc)\n"
        + "set(CMAKE_CXX_COMPILER "
        + prefix
        + "-g++)\n"
        + "set(CMAKE_LIBRARY_ARCHITECTURE "
        + prefix
        + ")\n"
        + "set(CMAKE_FIND_ROOT_PATH /usr/"
        + prefix
        + ")\n"
        + "set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)\n"
        + "set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)\n"
        + "set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)\n"
        + "set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)\n"
        + "set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/"
        + prefix
        + "/pkgconfig:/usr/share/pkgconfig)\n";
  }
}
