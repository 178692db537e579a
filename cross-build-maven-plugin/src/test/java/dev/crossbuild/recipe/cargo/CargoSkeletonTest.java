package dev.crossbuild.recipe.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fixtures under src/test/resources/cargo/&lt;case&gt;; golden skeletons under
 * src/test/resources/golden/cargo/&lt;case&gt;; -Dgolden.update=true rewrites them.
 */
class CargoSkeletonTest {

  private static final Path FIXTURES = Path.of("src/test/resources/cargo");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/cargo");
  private static final String MAIN_STUB = "fn main() {}\n";

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"single", "workspace", "multi-bin"})
  void skeletonMatchesGoldenFiles(String name) throws IOException {
    golden(name, skeleton(FIXTURES.resolve(name)));
  }

  @Test
  void singleBinaryKeepsManifestAndMasksOwnVersionOnly() {
    CargoSkeleton skeleton = skeleton(FIXTURES.resolve("single"));

    assertThat(skeleton.files()).containsOnlyKeys("Cargo.toml", "Cargo.lock", "src/main.rs");
    assertThat(text(skeleton, "src/main.rs")).isEqualTo(MAIN_STUB);
    assertThat(text(skeleton, "Cargo.toml"))
        .contains("version = \"0.0.0\" # bumped by the release script")
        .contains("serde = { version = \"1.0\", features = [\"derive\"] }");
    assertThat(text(skeleton, "Cargo.lock"))
        .contains("name = \"hello-cli\"\nversion = \"0.0.0\"\n")
        .contains("name = \"serde\"\nversion = \"1.0.210\"\n");
    assertThat(skeleton.binaries()).containsExactly("hello-cli");
    assertThat(skeleton.cdylibs()).isEmpty();
    assertThat(skeleton.hasLockFile()).isTrue();
  }

  @Test
  void workspaceHoldsMembersAndPathDependenciesButNotExcludedCrates() {
    CargoSkeleton skeleton = skeleton(FIXTURES.resolve("workspace"));

    assertThat(skeleton.files())
        .containsOnlyKeys(
            "Cargo.toml",
            "crates/app/Cargo.toml",
            "crates/app/src/main.rs",
            "crates/ffi/Cargo.toml",
            "crates/ffi/src/lib.rs",
            "shared/Cargo.toml",
            "shared/src/lib.rs");
    assertThat(text(skeleton, "crates/ffi/src/lib.rs")).isEmpty();
    assertThat(text(skeleton, "Cargo.toml"))
        .contains("[workspace.package]\nversion = \"0.0.0\"\n")
        .contains("shared = { path = \"shared\", version = \"0.0.0\" }");
    assertThat(text(skeleton, "crates/app/Cargo.toml")).contains("version.workspace = true");
    assertThat(text(skeleton, "crates/ffi/Cargo.toml"))
        .contains(
            "path = \"../../shared\"\nversion = \"0.0.0\"   # kept in step with the workspace");
    assertThat(skeleton.binaries()).containsExactly("demo");
    assertThat(skeleton.cdylibs()).containsExactly("demo_ffi");
    assertThat(skeleton.hasLockFile()).isFalse();
  }

  @Test
  void discoveredBinariesBuildScriptAndExplicitExampleGetStubs() {
    CargoSkeleton skeleton = skeleton(FIXTURES.resolve("multi-bin"));

    assertThat(skeleton.files())
        .containsOnlyKeys(
            "Cargo.toml",
            "build.rs",
            "examples/demo.rs",
            "src/lib.rs",
            "src/bin/inspect/main.rs",
            "src/bin/pack.rs",
            "src/bin/unpack.rs");
    assertThat(text(skeleton, "build.rs")).isEqualTo(MAIN_STUB);
    assertThat(text(skeleton, "src/bin/inspect/main.rs")).isEqualTo(MAIN_STUB);
    assertThat(text(skeleton, "src/lib.rs")).isEmpty();
    assertThat(skeleton.binaries()).containsExactly("inspect", "pack", "unpack");
    assertThat(skeleton.cdylibs()).isEmpty();
  }

  @Test
  void versionBumpGivesIdenticalSkeleton() throws IOException {
    Path single = copy("single");
    replace(single.resolve("Cargo.toml"), "version = \"1.4.2\"", "version = \"1.5.0\"");
    replace(single.resolve("Cargo.lock"), "version = \"1.4.2\"", "version = \"1.5.0\"");
    assertThat(texts(skeleton(single))).isEqualTo(texts(skeleton(FIXTURES.resolve("single"))));

    Path workspace = copy("workspace");
    for (String manifest : List.of("Cargo.toml", "crates/ffi/Cargo.toml", "shared/Cargo.toml")) {
      replace(workspace.resolve(manifest), "0.3", "0.4");
    }
    assertThat(texts(skeleton(workspace)))
        .isEqualTo(texts(skeleton(FIXTURES.resolve("workspace"))));
  }

  @Test
  void dependencyChangeChangesSkeleton() throws IOException {
    Path single = copy("single");
    replace(single.resolve("Cargo.toml"), "serde_json = \"1.0\"", "serde_json = \"1.0.128\"");
    replace(single.resolve("Cargo.lock"), "\"1.0.128\"", "\"1.0.129\"");
    Map<String, String> changed = texts(skeleton(single));
    Map<String, String> original = texts(skeleton(FIXTURES.resolve("single")));
    assertThat(changed.get("Cargo.toml")).isNotEqualTo(original.get("Cargo.toml"));
    assertThat(changed.get("Cargo.lock")).isNotEqualTo(original.get("Cargo.lock"));

    Path workspace = copy("workspace");
    replace(
        workspace.resolve("shared/Cargo.toml"),
        "[dependencies]\n",
        "[dependencies]\nmemchr = \"2\"\n");
    assertThat(texts(skeleton(workspace)).get("shared/Cargo.toml"))
        .isNotEqualTo(texts(skeleton(FIXTURES.resolve("workspace"))).get("shared/Cargo.toml"));
  }

  @Test
  void sourceOnlyChangeGivesIdenticalSkeleton() throws IOException {
    Path project = copy("multi-bin");
    Files.writeString(project.resolve("src/bin/pack.rs"), "fn main() { println!(\"packing\"); }\n");
    Files.writeString(project.resolve("src/util.rs"), "pub fn helper() {}\n");
    Files.writeString(
        project.resolve("build.rs"),
        "fn main() { println!(\"cargo:rerun-if-changed=native\"); }\n");
    Files.writeString(project.resolve("tests/more.rs"), "#[test] fn more() {}\n");

    assertThat(texts(skeleton(project))).isEqualTo(texts(skeleton(FIXTURES.resolve("multi-bin"))));
  }

  @Test
  void newBinaryIsANewTarget() throws IOException {
    Path project = copy("multi-bin");
    Files.writeString(project.resolve("src/bin/verify.rs"), "fn main() {}\n");

    CargoSkeleton skeleton = skeleton(project);
    assertThat(skeleton.binaries()).containsExactly("inspect", "pack", "unpack", "verify");
    assertThat(skeleton.files()).containsKey("src/bin/verify.rs");
  }

  @Test
  void malformedManifestNamesFileAndLine() throws IOException {
    Path workspace = copy("workspace");
    Files.writeString(
        workspace.resolve("crates/ffi/Cargo.toml"), "[package]\nname = \"demo-ffi\"\nversion = \n");

    assertThatThrownBy(() -> skeleton(workspace))
        .isInstanceOf(CargoManifestException.class)
        .hasMessageStartingWith("crates/ffi/Cargo.toml:3:")
        .hasMessageContaining("invalid TOML");
  }

  @Test
  void malformedLockFileNamesIt() throws IOException {
    Path single = copy("single");
    replace(
        single.resolve("Cargo.lock"),
        "[[package]]\nname = \"itoa\"",
        "[[package]\nname = \"itoa\"");

    assertThatThrownBy(() -> skeleton(single))
        .isInstanceOf(CargoManifestException.class)
        .hasMessageStartingWith("Cargo.lock:")
        .hasMessageContaining("invalid TOML");
  }

  @Test
  void missingMemberAndOutsidePathDependencyAreExplained() throws IOException {
    Path workspace = copy("workspace");
    replace(
        workspace.resolve("Cargo.toml"),
        "members = [\"crates/*\"]",
        "members = [\"crates/*\", \"tools/gen\"]");
    assertThatThrownBy(() -> skeleton(workspace))
        .isInstanceOf(CargoManifestException.class)
        .hasMessageStartingWith("tools/gen/Cargo.toml: not in the build context")
        .hasMessageContaining("workspace member 'tools/gen'");

    Path outside = copy("workspace");
    replace(
        outside.resolve("crates/ffi/Cargo.toml"),
        "path = \"../../shared\"",
        "path = \"../../../shared\"");
    assertThatThrownBy(() -> skeleton(outside))
        .isInstanceOf(CargoManifestException.class)
        .hasMessageStartingWith(
            "crates/ffi/Cargo.toml: path dependency 'shared' lies outside the project directory");
  }

  @Test
  void missingRootManifestIsExplained() {
    assertThatThrownBy(() -> CargoSkeleton.of(temp, List.of("src/main.rs")))
        .isInstanceOf(CargoManifestException.class)
        .hasMessageStartingWith("Cargo.toml: not in the build context");
  }

  @Test
  void patchedCrateKeepsItsVersionSoThePatchStillApplies() throws IOException {
    Path workspace = copy("workspace");
    Files.createDirectories(workspace.resolve("vendored/fixed-log/src"));
    Files.writeString(
        workspace.resolve("vendored/fixed-log/Cargo.toml"),
        "[package]\nname = \"log\"\nversion = \"0.4.22\"\n");
    Files.writeString(workspace.resolve("vendored/fixed-log/src/lib.rs"), "pub fn log() {}\n");
    Files.writeString(
        workspace.resolve("Cargo.toml"),
        Files.readString(workspace.resolve("Cargo.toml"))
            + "\n[patch.'https://git.example/log']\nlog = { path = \"vendored/fixed-log\" }\n");

    CargoSkeleton skeleton = skeleton(workspace);
    assertThat(text(skeleton, "vendored/fixed-log/Cargo.toml")).contains("version = \"0.4.22\"");
    assertThat(text(skeleton, "vendored/fixed-log/src/lib.rs")).isEmpty();
    assertThat(skeleton.binaries()).containsExactly("demo");
  }

  @Test
  void memberGlobsMatchPerPathComponent() {
    assertThat(RelativePaths.globMatches("crates/*", "crates/app")).isTrue();
    assertThat(RelativePaths.globMatches("crates/*", "crates/app/nested")).isFalse();
    assertThat(RelativePaths.globMatches("./crates/**", "crates/app/nested")).isTrue();
    assertThat(RelativePaths.globMatches("crates/[!x]*-?", "crates/ab-1")).isTrue();
    assertThat(RelativePaths.globMatches("crates/[!x]*-?", "crates/xb-1")).isFalse();
    assertThat(RelativePaths.join("crates/ffi", "../../shared")).isEqualTo("shared");
    assertThat(RelativePaths.join("crates/ffi", "../../../shared")).isNull();
  }

  @Test
  void lockMasksOwnPackagesAndReferencesToThemOnly() {
    String lock =
        """
        version = 3

        [[package]]
        name = "app"
        version = "1.2.3"
        dependencies = [
         "log 1.2.3",
         "log 0.4.22 (registry+https://registry.example/index)",
        ]

        [[package]]
        name = "log"
        version = "0.4.22"
        source = "registry+https://registry.example/index"
        checksum = "0123"

        [[package]]
        name = "log"
        version = "1.2.3" # our own logging crate
        """;

    String masked =
        CargoLock.mask(CargoManifest.parse("Cargo.lock", lock), java.util.Set.of("app", "log"));

    assertThat(masked)
        .isEqualTo(
            lock.replace(
                    "name = \"app\"\nversion = \"1.2.3\"", "name = \"app\"\nversion = \"0.0.0\"")
                .replace("\"log 1.2.3\"", "\"log 0.0.0\"")
                .replace("version = \"1.2.3\" # our own", "version = \"0.0.0\" # our own"));
  }

  private static CargoSkeleton skeleton(Path project) {
    return CargoSkeleton.of(project, contextFiles(project));
  }

  private static List<String> contextFiles(Path project) {
    try (Stream<Path> files = Files.walk(project)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> project.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path copy(String fixture) throws IOException {
    Path from = FIXTURES.resolve(fixture);
    Path to = Files.createTempDirectory(temp, fixture);
    for (String file : contextFiles(from)) {
      Files.createDirectories(to.resolve(file).getParent());
      Files.copy(from.resolve(file), to.resolve(file));
    }
    return to;
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static String text(CargoSkeleton skeleton, String path) {
    assertThat(skeleton.files()).containsKey(path);
    return new String(skeleton.files().get(path), StandardCharsets.UTF_8);
  }

  private static Map<String, String> texts(CargoSkeleton skeleton) {
    Map<String, String> texts = new TreeMap<>();
    skeleton
        .files()
        .forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return texts;
  }

  private static void golden(String name, CargoSkeleton skeleton) throws IOException {
    Path dir = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(dir)) {
        try (Stream<Path> old = Files.walk(dir)) {
          for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      for (Map.Entry<String, byte[]> file : skeleton.files().entrySet()) {
        Files.createDirectories(dir.resolve(file.getKey()).getParent());
        Files.write(dir.resolve(file.getKey()), file.getValue());
      }
    }
    assertThat(contextFiles(dir)).containsExactlyElementsOf(skeleton.files().keySet());
    for (Map.Entry<String, byte[]> file : skeleton.files().entrySet()) {
      assertThat(new String(file.getValue(), StandardCharsets.UTF_8))
          .as(file.getKey())
          .isEqualTo(Files.readString(dir.resolve(file.getKey())));
    }
  }
}
