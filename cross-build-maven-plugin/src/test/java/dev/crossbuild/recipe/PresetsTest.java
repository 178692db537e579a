package dev.crossbuild.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.Golden;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetsTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/recipes");
  private static final TargetCatalog CATALOG = TargetCatalog.builtIn();
  private static final Platform AMD64 = new Platform("linux", "amd64", null);
  private static final Platform ARM64 = new Platform("linux", "arm64", null);
  private static final BuildContext NONE = new BuildContext(Path.of("."), List.of());

  @TempDir Path dir;

  @Test
  void detectsThePresetFromTheProjectAndFallsBackToMaven() throws Exception {
    assertThat(Presets.detect(dir)).isEqualTo("maven");
    Files.writeString(dir.resolve("Makefile"), "all:\n");
    assertThat(Presets.detect(dir)).isEqualTo("make");
    Files.writeString(dir.resolve("go.mod"), "module x\n");
    assertThat(Presets.detect(dir)).isEqualTo("go");
    Files.writeString(dir.resolve("CMakeLists.txt"), "project(x)\n");
    assertThat(Presets.detect(dir)).isEqualTo("cmake");
    Files.writeString(dir.resolve("Cargo.toml"), "[package]\n");
    assertThat(Presets.detect(dir)).isEqualTo("cargo");
  }

  @Test
  void unknownPresetNamesTheKnownOnes() {
    assertThatThrownBy(() -> Presets.resolve("gradle", overrides("gradle")))
        .isInstanceOf(UnknownPresetException.class)
        .hasMessageContaining("cargo, cmake, go, maven, make, custom");
  }

  @Test
  void cmakeToolchainFileForEachCrossTarget() throws Exception {
    for (String triple :
        List.of(
            "aarch64-unknown-linux-gnu",
            "armv7-unknown-linux-gnueabihf",
            "riscv64gc-unknown-linux-gnu")) {
      Target t = CATALOG.resolve(triple);
      golden("toolchain-" + triple + ".cmake", CMakePreset.toolchainFile(t));
    }
  }

  @Test
  void crossCapabilityPerPreset() {
    Target arm = CATALOG.resolve("aarch64-unknown-linux-gnu");
    Target musl = CATALOG.resolve("aarch64-unknown-linux-musl");
    Target x86 = CATALOG.resolve("x86_64-unknown-linux-gnu");
    Recipe make = Presets.resolve("make", overrides("make"));
    Recipe go = Presets.resolve("go", overrides("go"));
    Recipe maven = Presets.resolve("maven", overrides("maven"));
    assertThat(Toolchain.canCross(make, arm, AMD64)).isTrue();
    assertThat(Toolchain.canCross(make, musl, AMD64))
        .as("musl-dev:arm64 over Debian's cross gcc")
        .isTrue();
    assertThat(Toolchain.canCross(make, x86, ARM64))
        .as("Debian's cross gcc runs on amd64 only")
        .isFalse();
    assertThat(Toolchain.canCross(go, musl, AMD64)).as("Go needs no C toolchain").isTrue();
    assertThat(Toolchain.canCross(go, x86, ARM64)).isTrue();
    Recipe cgo =
        Presets.resolve(
            "go",
            new RecipeOverrides(
                "go", null, null, null, null, null, null, null, Map.of("CGO_ENABLED", "1"), null));
    assertThat(Toolchain.canCross(cgo, x86, ARM64)).as("cgo needs Debian's cross gcc").isFalse();
    assertThat(Toolchain.canCross(maven, x86, ARM64)).as("Java is platform independent").isTrue();
    assertThat(Toolchain.canCross(maven, x86, new Platform("linux", "amd64", null)))
        .as("same platform is native, not cross")
        .isFalse();
  }

  @Test
  void foreignArchitectureOnlyWhenAPackageOfItIsInstalled() {
    Target arm = CATALOG.resolve("aarch64-unknown-linux-gnu");
    assertThat(
            Toolchain.forTarget(Presets.resolve("go", overrides("go")), arm, true, NONE)
                .foreignArch())
        .isNull();
    assertThat(
            Toolchain.forTarget(Presets.resolve("make", overrides("make")), arm, true, NONE)
                .foreignArch())
        .isNull();
    Recipe withLib =
        Presets.resolve(
            "make",
            new RecipeOverrides("make", List.of("zlib1g-dev"), null, null, null, null, null, null));
    TargetRecipe steps = Toolchain.forTarget(withLib, arm, true, NONE);
    assertThat(steps.foreignArch()).isEqualTo("arm64");
    assertThat(steps.packages()).contains("zlib1g-dev:arm64").doesNotContain("zlib1g-dev");
  }

  @Test
  void overridesWinAndBuildToolsAreNeverQualified() {
    Target arm = CATALOG.resolve("aarch64-unknown-linux-gnu");
    Recipe go =
        Presets.resolve(
            "go",
            new RecipeOverrides(
                "go",
                List.of("libssl-dev"),
                List.of("protobuf-compiler"),
                List.of("echo hi"),
                List.of("go.mod"),
                "true",
                "make release",
                List.of("dist/*"),
                Map.of("GOARCH", "arm64", "EXTRA", "1"),
                "example/builder:1"));
    TargetRecipe steps = Toolchain.forTarget(go, arm, true, NONE);
    assertThat(steps.packages()).containsExactly("libssl-dev:arm64", "protobuf-compiler");
    assertThat(steps.depsCommand()).isEqualTo("true");
    assertThat(steps.buildCommand()).isEqualTo("make release");
    assertThat(steps.artifacts()).containsExactly("dist/*");
    assertThat(steps.env())
        .containsEntry("EXTRA", "1")
        .containsEntry("GOOS", "linux")
        .containsEntry("CROSS_TARGET", "aarch64-unknown-linux-gnu");
    assertThat(go.image()).isEqualTo("example/builder:1");
    assertThat(Presets.resolve("go", overrides("go")).image())
        .isEqualTo("{repo}/golang:1-bookworm");
  }

  @Test
  void mavenPomsLoseOnlyThisPluginAndFeedBothStages() throws Exception {
    Path app = Path.of("src/test/resources/maven/app");
    golden(
        "maven-app-pom-without-plugin.xml",
        new String(
            MavenPreset.withoutThisPlugin(app.resolve("pom.xml")),
            java.nio.charset.StandardCharsets.UTF_8));
    TargetRecipe steps =
        Toolchain.forTarget(
            Presets.resolve("maven", overrides("maven")),
            CATALOG.resolve("x86_64-unknown-linux-gnu"),
            false,
            new BuildContext(app, List.of("pom.xml", "src/A.java")));
    assertThat(steps.files()).containsOnlyKeys("/src/pom.xml", "/cross/poms/pom.xml");
    String pom =
        new String(steps.files().get("/src/pom.xml"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(pom)
        .doesNotContain("cross-build-maven-plugin")
        .contains("maven-surefire-plugin")
        .contains("maven-jar-plugin");
    assertThat(steps.buildCommand())
        .startsWith("cp -R /cross/poms/. /src/")
        .endsWith("mvn -B -ntp -o package");
  }

  @Test
  void everyStrategyNamesTheTargetsToolsSoOneBuildCommandServesEveryTarget() throws Exception {
    BuildContext project = cargoProject();
    Target x86 = CATALOG.resolve("x86_64-unknown-linux-gnu");
    Target arm = CATALOG.resolve("aarch64-unknown-linux-gnu");
    Target armv7 = CATALOG.resolve("armv7-unknown-linux-gnueabihf");
    for (String preset : List.of("make", "cmake", "custom", "cargo")) {
      Recipe recipe = Presets.resolve(preset, overrides(preset));
      // native x86_64, emulated aarch64 and armv7 (an image of the target's platform), cross
      // aarch64
      for (var build :
          List.of(
              Map.entry(x86, false),
              Map.entry(arm, false),
              Map.entry(armv7, false),
              Map.entry(arm, true))) {
        Target t = build.getKey();
        Map<String, String> env = Toolchain.forTarget(recipe, t, build.getValue(), project).env();
        String prefix = t.gnuPrefix();
        assertThat(env)
            .as("%s, %s, %s", preset, t.triple().value(), build.getValue() ? "cross" : "native")
            .containsEntry("CROSS_GNU_PREFIX", prefix)
            .containsEntry("CC", prefix + "-gcc")
            .containsEntry("CXX", prefix + "-g++")
            .containsEntry("AR", prefix + "-ar")
            .containsEntry("RANLIB", prefix + "-ranlib")
            .containsEntry("STRIP", prefix + "-strip")
            .containsEntry("PKG_CONFIG_PATH", "/usr/lib/" + prefix + "/pkgconfig");
      }
    }
    Recipe cgo =
        Presets.resolve(
            "go",
            new RecipeOverrides(
                "go", null, null, null, null, null, null, null, Map.of("CGO_ENABLED", "1"), null));
    assertThat(Toolchain.forTarget(cgo, x86, false, NONE).env())
        .containsEntry("CC", "x86_64-linux-gnu-gcc");
    Recipe go = Presets.resolve("go", overrides("go"));
    assertThat(Toolchain.forTarget(go, arm, true, NONE).env())
        .as("without cgo no C compiler is installed, so none is named")
        .doesNotContainKey("CC");
    // A POM's <env> still wins.
    Recipe clang =
        Presets.resolve(
            "make",
            new RecipeOverrides(
                "make", null, null, null, null, null, null, null, Map.of("CC", "clang"), null));
    assertThat(Toolchain.forTarget(clang, x86, false, NONE).env()).containsEntry("CC", "clang");
  }

  @Test
  void cargoCrossKeepsTheNativeToolsForTheBuildMachine() throws Exception {
    Target arm = CATALOG.resolve("aarch64-unknown-linux-gnu");
    Map<String, String> env =
        Toolchain.forTarget(Presets.resolve("cargo", overrides("cargo")), arm, true, cargoProject())
            .env();
    assertThat(env)
        .containsEntry("CC", "aarch64-linux-gnu-gcc")
        .containsEntry("HOST_CC", "gcc")
        .containsEntry("HOST_AR", "ar");
  }

  /** A one-crate cargo project (the other presets ignore it). */
  private BuildContext cargoProject() throws Exception {
    Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"x\"\nversion = \"0.1.0\"\n");
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
    return new BuildContext(dir, List.of("Cargo.toml", "src/main.rs"));
  }

  @Test
  void muslTargetsGetMuslToolsOverTheArchitecturesGccWhateverTheStrategy() throws Exception {
    Target x86 = CATALOG.resolve("x86_64-unknown-linux-musl");
    Target arm = CATALOG.resolve("aarch64-unknown-linux-musl");
    Recipe make = Presets.resolve("make", overrides("make"));
    TargetRecipe nativeSteps = Toolchain.forTarget(make, x86, false, NONE);
    assertThat(nativeSteps.packages()).contains("gcc", "musl-dev").doesNotContain("libc6-dev");
    assertThat(nativeSteps.env())
        .containsEntry("CC", "x86_64-linux-musl-gcc")
        .containsEntry("CROSS_GNU_PREFIX", "x86_64-linux-musl");
    TargetRecipe cross = Toolchain.forTarget(make, arm, true, NONE);
    assertThat(cross.packages())
        .contains("gcc-aarch64-linux-gnu", "musl-dev:arm64")
        .noneMatch(p -> p.startsWith("libc6-dev"));
    assertThat(cross.foreignArch()).isEqualTo("arm64");
    String tools = String.join("\n", cross.afterInstall());
    assertThat(tools)
        .contains("exec /usr/bin/aarch64-linux-gnu-gcc \"$@\" $static -specs")
        .contains("/usr/lib/aarch64-linux-musl/musl-gcc.specs")
        .contains("CROSS_MUSL_STATIC")
        .contains("-shared|-r|*.so|*.so.[0-9]*) static=")
        .contains("Debian has no libstdc++ built for musl")
        .contains("/usr/lib/ccache/aarch64-linux-musl-gcc");
    // Go without cgo needs no C library; with cgo, $CC links the program.
    Recipe cgo =
        Presets.resolve(
            "go",
            new RecipeOverrides(
                "go", null, null, null, null, null, null, null, Map.of("CGO_ENABLED", "1"), null));
    assertThat(Toolchain.forTarget(cgo, arm, true, NONE).env())
        .containsEntry("CC", "aarch64-linux-musl-gcc")
        .containsEntry("GOFLAGS", "-ldflags=-linkmode=external");
    // cargo: rustup's std for musl, or a clear failure; its linker is the plain cross gcc.
    Recipe cargo = Presets.resolve("cargo", overrides("cargo"));
    TargetRecipe rust = Toolchain.forTarget(cargo, arm, true, cargoProject());
    assertThat(String.join("\n", rust.afterInstall()))
        .contains("rustup target add aarch64-unknown-linux-musl")
        .contains("Debian has no Rust standard library for musl");
    assertThat(rust.env())
        .containsEntry("CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER", "aarch64-linux-gnu-gcc")
        .containsEntry("CC_aarch64_unknown_linux_musl", "aarch64-linux-musl-gcc");
    assertThat(rust.packages()).doesNotContain("libstd-rust-dev:arm64");
  }

  @Test
  void cmakeRefusesCxxForMuslBeforeAnyImage() throws Exception {
    assertThat(CMakePreset.enablesCxx("project(x)\n")).isTrue();
    assertThat(CMakePreset.enablesCxx("project(x VERSION 1.0)\n")).isTrue();
    assertThat(CMakePreset.enablesCxx("project(x C CXX)\n")).isTrue();
    assertThat(CMakePreset.enablesCxx("project(x LANGUAGES C)\nenable_language(CXX)\n")).isTrue();
    assertThat(CMakePreset.enablesCxx("project(x C)\n")).isFalse();
    assertThat(CMakePreset.enablesCxx("project(libjpeg-turbo C)\n")).isFalse();
    assertThat(CMakePreset.enablesCxx("# project(x)\nproject(x VERSION 1 LANGUAGES C)\n"))
        .isFalse();
    Files.writeString(dir.resolve("CMakeLists.txt"), "project(x)\n");
    BuildContext cxx = new BuildContext(dir, List.of("CMakeLists.txt"));
    Recipe cmake = Presets.resolve("cmake", overrides("cmake"));
    Target musl = CATALOG.resolve("x86_64-unknown-linux-musl");
    assertThatThrownBy(() -> Toolchain.forTarget(cmake, musl, false, cxx))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("x86_64-unknown-linux-musl")
        .hasMessageContaining("project(<name> LANGUAGES C)")
        .hasMessageContaining("<image>");
    Target gnu = CATALOG.resolve("x86_64-unknown-linux-gnu");
    assertThat(Toolchain.forTarget(cmake, gnu, false, cxx).packages()).contains("g++");
  }

  private static RecipeOverrides overrides(String preset) {
    return new RecipeOverrides(preset, null, null, null, null, null, null, null, null, null);
  }

  private static void golden(String name, String actual) throws Exception {
    Golden.check(GOLDEN, name, actual);
  }
}
