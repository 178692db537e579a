package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code go}: modules downloaded and the standard library compiled for the target in the deps
 * stage, so a source change compiles only the project. {@code GOOS}/{@code GOARCH}/{@code GOARM}
 * come from the target; cgo is off (and Go cross-compiles from any builder, a static program for
 * musl targets too) unless {@code <env>} sets {@code CGO_ENABLED=1}, which brings in the C
 * toolchain: for a musl target its musl tools, which link the program statically.
 */
final class GoPreset implements Preset {

  private static final Map<String, String> GOARCH =
      Map.of(
          "amd64", "amd64", "arm64", "arm64", "arm", "arm", "riscv64", "riscv64", "ppc64le",
          "ppc64le", "s390x", "s390x", "386", "386");

  @Override
  public String id() {
    return "go";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> manifests() {
    return List.of("go.mod", "go.sum", "go.work", "go.work.sum");
  }

  @Override
  public String image() {
    return "{repo}/golang:1-bookworm";
  }

  @Override
  public boolean canCross(Target target, Platform builder, Map<String, String> env) {
    return GOARCH.containsKey(target.platform().arch())
        && (!cgo(env) || Toolchain.gccCanCross(target, builder));
  }

  @Override
  public Defaults defaults(
      Target target, boolean cross, BuildContext project, Map<String, String> env) {
    List<String> packages = new ArrayList<>();
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("GOOS", target.platform().os());
    vars.put("GOARCH", GOARCH.getOrDefault(target.platform().arch(), target.platform().arch()));
    String variant = target.platform().variant();
    if ("arm".equals(target.platform().arch())) {
      vars.put("GOARM", variant == null ? "7" : variant.replace("v", ""));
    }
    vars.put("CGO_ENABLED", "0");
    List<String> after = List.of();
    if (cgo(env)) {
      packages.addAll(Toolchain.makeAndGcc(target, cross));
      vars.putAll(Toolchain.gccEnv(target));
      if (Toolchain.musl(target)) {
        // Go's own linker would write glibc's loader into a cgo program; $CC links musl (static).
        vars.put("GOFLAGS", "-ldflags=-linkmode=external");
        after = Toolchain.afterInstall(target);
      }
    }
    return new Defaults(
        packages,
        // git for Go's VCS stamping (vcs.revision, vcs.time, vcs.modified) from /src/.git.
        List.of(new ToolCheck("go", List.of("golang-go")), new ToolCheck("git", List.of("git"))),
        after,
        vars,
        Map.of(),
        "go mod download\ngo build -trimpath std",
        "go build -trimpath -o \"$CROSS_OUT/\" ./...",
        List.of());
  }

  private static boolean cgo(Map<String, String> env) {
    return "1".equals(env.get("CGO_ENABLED"));
  }
}
