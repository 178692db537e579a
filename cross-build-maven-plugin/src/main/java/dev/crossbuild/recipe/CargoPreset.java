package dev.crossbuild.recipe;

import dev.crossbuild.recipe.cargo.CargoManifestException;
import dev.crossbuild.recipe.cargo.CargoSkeleton;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cargo}: the deps stage compiles only the dependencies, from a skeleton of the workspace
 * (every {@code Cargo.toml} and {@code Cargo.lock} with the workspace's own versions masked, stub
 * sources), so a source change or a version bump reuses it. Cross builds get the target's std
 * ({@code rustup target add}, or Debian's {@code libstd-rust-dev:<arch>} on a Debian image) and
 * Debian's cross gcc as the linker.
 */
final class CargoPreset implements Preset {

  @Override
  public String id() {
    return "cargo";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> manifests() {
    return List.of(".cargo/config", ".cargo/config.toml", "rust-toolchain", "rust-toolchain.toml");
  }

  @Override
  public String image() {
    return "{repo}/rust:1-slim-bookworm";
  }

  @Override
  public boolean canCross(Target target, Platform builder, Map<String, String> env) {
    return Toolchain.gccCanCross(target, builder);
  }

  @Override
  public Defaults defaults(
      Target target, boolean cross, BuildContext project, Map<String, String> env) {
    CargoSkeleton skeleton;
    try {
      skeleton = CargoSkeleton.of(project.dir(), project.files());
    } catch (CargoManifestException e) {
      throw new RecipeException(
          "The cargo recipe cannot read the project's manifests: " + e.getMessage(), e);
    }
    String triple = target.triple().value();
    List<String> packages = new ArrayList<>();
    List<ToolCheck> checks = new ArrayList<>();
    List<String> after = new ArrayList<>();
    Map<String, String> vars = new LinkedHashMap<>();
    checks.add(new ToolCheck("cargo", List.of("cargo")));
    vars.putAll(Toolchain.gccEnv(target));
    boolean musl = Toolchain.musl(target);
    if (musl) {
      // Debian's Rust has no standard library for musl; rustup's brings musl's own start files and
      // libc, and links static programs by itself (crt-static). C from the cc crate gets
      // $CC_<triple>.
      after.add(
          "if command -v rustup >/dev/null 2>&1; then rustup target add "
              + triple
              + "; else echo 'cross-build: "
              + triple
              + " needs rustup: Debian has no Rust standard library for musl. Use an image with"
              + " rustup (the cargo recipe's default rust image), or build a -gnu target.' >&2;"
              + " exit 1; fi");
      after.addAll(Toolchain.afterInstall(target));
      if (!cross) {
        packages.addAll(List.of("gcc", "musl-dev"));
      }
    }
    if (cross) {
      String prefix = target.gnuPrefix();
      String upper = triple.toUpperCase(Locale.ROOT).replace('-', '_');
      String lower = triple.replace('-', '_');
      packages.addAll(Toolchain.gccCross(target));
      if (!musl) {
        checks.add(new ToolCheck("rustup", List.of("libstd-rust-dev:" + target.debianArch())));
        after.add(
            "if command -v rustup >/dev/null 2>&1; then rustup target add " + triple + "; fi");
      }
      vars.put("CROSS_GNU_PREFIX", prefix);
      // rustup's musl targets bring their own start files and libc: the plain gcc links them.
      vars.put(
          "CARGO_TARGET_" + upper + "_LINKER",
          (musl ? Toolchain.gccPrefix(target) : prefix) + "-gcc");
      vars.put("CC_" + lower, prefix + "-gcc");
      vars.put("CXX_" + lower, prefix + "-g++");
      vars.put("AR_" + lower, prefix + "-ar");
      // CC names the target's compiler; C compiled for the build machine (build scripts' own
      // helpers) keeps the native tools, which the cc and pkg-config crates read first. Cross
      // builds run on amd64 (Toolchain.CROSS_HOST).
      vars.put("HOST_CC", "gcc");
      vars.put("HOST_CXX", "g++");
      vars.put("HOST_AR", "ar");
      vars.put("HOST_PKG_CONFIG_PATH", "/usr/lib/x86_64-linux-gnu/pkgconfig");
      vars.put("PKG_CONFIG_ALLOW_CROSS", "1");
      vars.put("PKG_CONFIG_PATH_" + lower, "/usr/lib/" + prefix + "/pkgconfig");
    } else {
      checks.add(new ToolCheck("cc", List.of("gcc", "libc6-dev")));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    skeleton.files().forEach((path, bytes) -> files.put("/src/" + path, bytes));
    String cargoBuild =
        "cargo build --release --workspace"
            + (skeleton.hasLockFile() ? " --locked" : "")
            + " --target \"$CROSS_TARGET\"";
    // The real sources arrive with older timestamps than the skeleton's build: touch them so that
    // cargo
    // rebuilds the workspace's own crates (dependencies stay fresh, their fingerprints don't
    // involve mtimes).
    // With the build cache, only once after the cache was seeded from the deps image
    // (BuildCacheScript); later
    // builds keep the sources' real times, so cargo rebuilds only the crates whose files changed.
    String build =
        (target.container()
                ? "if [ -z \"${CROSS_CACHE:-}\" ] || [ -n \"${CROSS_CARGO_SEEDED:-}\" ]; then"
                    + " find . -path ./target -prune -o -type f -exec touch {} +; fi\n"
                : "")
            + cargoBuild;
    return new Defaults(
        packages, checks, after, vars, files, cargoBuild, build, artifacts(skeleton, target));
  }

  /** The binaries and cdylibs, named as the target's platform names them. */
  private static List<String> artifacts(CargoSkeleton skeleton, Target target) {
    String dir = "target/" + target.triple().value() + "/release/";
    String os = target.platform().os();
    List<String> out = new ArrayList<>();
    for (String bin : skeleton.binaries()) {
      out.add(dir + bin + ("windows".equals(os) ? ".exe" : ""));
    }
    for (String lib : skeleton.cdylibs()) {
      String name = lib.replace('-', '_');
      out.add(
          dir
              + switch (os) {
                case "windows" -> name + ".dll";
                case "darwin" -> "lib" + name + ".dylib";
                default -> "lib" + name + ".so";
              });
    }
    return out;
  }
}
