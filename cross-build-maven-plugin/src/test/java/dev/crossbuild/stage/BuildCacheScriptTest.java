package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.BuildCacheConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache's script lines, run by the real shell with /cache and /src mapped into a
 * temporary directory.
 */
class BuildCacheScriptTest {

  @TempDir Path dir;

  private static final BuildCacheConfig ON = BuildCacheConfig.volumes();

  @Test
  void noCacheAddsNothing() {
    assertThat(BuildCacheScript.prelude("make", BuildCacheConfig.none())).isEmpty();
    assertThat(BuildCacheScript.epilogue("cargo", BuildCacheConfig.none())).isEmpty();
  }

  @Test
  void theGccRecipesUseCcacheThroughTheMasqueradeDirectoryWithTheCap() {
    String prelude =
        BuildCacheScript.prelude(
            "cmake", new BuildCacheConfig(BuildCacheConfig.Mode.VOLUME, null, 500L << 20));
    assertThat(prelude)
        .contains(
            "export CROSS_CACHE=/cache",
            "flock -n 9",
            "CCACHE_DIR=\"$CROSS_CACHE/ccache\"",
            "CCACHE_MAXSIZE=512000K",
            "export PATH=\"/usr/lib/ccache:$PATH\"",
            "ccache -z");
    assertThat(BuildCacheScript.epilogue("make", ON)).contains("ccache -s");
    assertThat(BuildCacheScript.prelude("maven", ON))
        .doesNotContain("ccache")
        .doesNotContain("cargo");
  }

  @Test
  void cargosTargetDirectoryIsSeededFromTheDepsImageOnlyWhenItsDepsKeyChanges() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/target/release"));
    Files.writeString(src.resolve("from-the-deps-image"), "stub build");
    Files.createDirectories(dir.resolve("cache"));

    assertThat(run("k1")).contains("seeded=1", "seeded from the deps image");
    assertThat(Files.isSymbolicLink(dir.resolve("src/target")))
        .as("/src/target points into the cache")
        .isTrue();
    assertThat(dir.resolve("cache/cargo-target/release/from-the-deps-image"))
        .hasContent("stub build");
    Files.writeString(dir.resolve("cache/cargo-target/release/built-here"), "a real build");

    assertThat(run("k1"))
        .as("the same deps key: the cache is kept")
        .contains("seeded=")
        .doesNotContain("seeded=1");
    assertThat(dir.resolve("cache/cargo-target/release/built-here")).exists();

    Files.delete(dir.resolve("src/target"));
    Files.createDirectories(dir.resolve("src/target/release"));
    Files.writeString(dir.resolve("src/target/release/from-the-deps-image"), "new stub build");
    assertThat(run("k2")).as("a new deps image: seeded again").contains("seeded=1");
    assertThat(dir.resolve("cache/cargo-target/release/built-here")).doesNotExist();
  }

  @Test
  void aCargoTargetDirectoryOverTheCapIsDropped() throws Exception {
    Files.createDirectories(dir.resolve("cache/cargo-target"));
    Files.write(dir.resolve("cache/cargo-target/big"), new byte[64 << 10]);
    Files.writeString(dir.resolve("cache/deps-key"), "k1\n");
    String epilogue =
        BuildCacheScript.epilogue(
            "cargo", new BuildCacheConfig(BuildCacheConfig.Mode.VOLUME, null, 16L << 10));
    String out = sh("CROSS_CACHE=" + dir.resolve("cache") + "\n" + epilogue);
    assertThat(out).contains("over <buildCacheMaxSize> (16K): dropped");
    assertThat(dir.resolve("cache/cargo-target")).doesNotExist();
    assertThat(dir.resolve("cache/deps-key")).doesNotExist();
  }

  @Test
  void theBuildTreeKeepsWhatMakeBuiltWhenOnlyUnitsChange() throws Exception {
    Files.writeString(Files.createDirectories(dir.resolve("project")).resolve("a.c"), "int a;\n");
    Files.writeString(dir.resolve("project/h.h"), "#define H 1\n");

    assertThat(treeBuild("make", "k1"))
        .contains("not from a build tree in the build cache: there is none yet");
    assertThat(dir.resolve("cache/tree/a.o")).as("the tree keeps what the build made").exists();
    assertThat(dir.resolve("cache/tree.key")).hasContent("k1");

    FileTime built = Files.getLastModifiedTime(dir.resolve("cache/tree/a.o"));
    assertThat(treeBuild("make", "k1"))
        .contains("build tree from the build cache: 0 source file(s) changed, 0 removed")
        .doesNotContain("compiled");
    assertThat(Files.getLastModifiedTime(dir.resolve("src/a.o")))
        .as("the object keeps its time: make sees it up to date")
        .isEqualTo(built);
    assertThat(Files.getLastModifiedTime(dir.resolve("src/a.c")))
        .isEqualTo(Files.getLastModifiedTime(dir.resolve("cache/tree/a.c")));

    Files.writeString(dir.resolve("project/a.c"), "int a = 2;\n");
    Files.setLastModifiedTime(dir.resolve("project/a.c"), FileTime.fromMillis(0));
    assertThat(treeBuild("make", "k1"))
        .contains("1 source file(s) changed, 0 removed", "compiled a.c");
    assertThat(dir.resolve("src/a.c")).hasContent("int a = 2;\n");
    assertThat(Files.getLastModifiedTime(dir.resolve("src/a.c")))
        .as("a changed unit is newer than its object, whatever time it came with")
        .isGreaterThan(built);

    Files.writeString(dir.resolve("project/h.h"), "#define H 2\n");
    assertThat(treeBuild("make", "k1"))
        .as("make starts from the sources")
        .contains(
            "h.h changed, and make knows only what its Makefile says a unit depends on",
            "compiled a.c");

    Files.writeString(dir.resolve("project/h.h"), "#define H 3\n");
    assertThat(treeBuild("cmake", "k1"))
        .as("cmake tracks headers itself: its tree is used")
        .contains("1 source file(s) changed, 0 removed")
        .doesNotContain("compiled");

    Files.delete(dir.resolve("project/h.h"));
    assertThat(treeBuild("make", "k1"))
        .contains("h.h was removed, and make cannot know what was built from it");
    assertThat(treeBuild("make", "k2"))
        .contains("the last one was built with another configuration");
  }

  @Test
  void aRemovedSourceLeavesATrackingBuildsTree() throws Exception {
    Files.writeString(Files.createDirectories(dir.resolve("project")).resolve("a.c"), "int a;\n");
    Files.writeString(dir.resolve("project/b.c"), "int b;\n");
    treeBuild("cmake", "k1");
    Files.delete(dir.resolve("project/b.c"));
    assertThat(treeBuild("cmake", "k1")).contains("0 source file(s) changed, 1 removed");
    assertThat(dir.resolve("src/b.c")).doesNotExist();
    assertThat(dir.resolve("cache/tree/b.c")).doesNotExist();
    assertThat(dir.resolve("cache/tree/a.o")).exists();
  }

  @Test
  void aChangeToCmakesBuildDescriptionStartsFromTheSources() throws Exception {
    Files.writeString(Files.createDirectories(dir.resolve("project")).resolve("a.c"), "int a;\n");
    Files.writeString(dir.resolve("project/CMakeLists.txt"), "project(a VERSION 1.0)\n");
    treeBuild("cmake", "k1");
    Files.writeString(dir.resolve("project/CMakeLists.txt"), "project(a VERSION 1.1)\n");
    assertThat(treeBuild("cmake", "k1"))
        .contains("CMakeLists.txt changed: the build description", "compiled a.c");
  }

  @Test
  void aBuildTreeOverTheCapIsNotKept() throws Exception {
    Files.write(
        Files.createDirectories(dir.resolve("project")).resolve("big.c"), new byte[64 << 10]);
    String out =
        treeBuild(
            "make", "k1", new BuildCacheConfig(BuildCacheConfig.Mode.VOLUME, null, 16L << 10));
    assertThat(out).contains("the build tree is", "over <buildCacheMaxSize> (16K): not kept");
    assertThat(dir.resolve("cache/tree")).doesNotExist();
    assertThat(dir.resolve("cache/tree.key")).doesNotExist();
  }

  @Test
  void onlyTheRecipesWithABuildToolKeepATree() {
    assertThat(BuildCacheScript.keepsTree("make", ON)).isTrue();
    assertThat(BuildCacheScript.keepsTree("cargo", ON)).isTrue();
    assertThat(BuildCacheScript.keepsTree("go", ON)).as("GOCACHE is content-addressed").isFalse();
    assertThat(BuildCacheScript.keepsTree("make", BuildCacheConfig.none())).isFalse();
    assertThat(BuildCacheScript.epilogue("cargo", ON, true))
        .as("cargo's target directory is in the cache already")
        .contains("--exclude=./target");
  }

  private String treeBuild(String recipe, String key) throws Exception {
    return treeBuild(recipe, key, ON);
  }

  /**
   * One source stage with the build tree, paths mapped into the temporary directory: the project
   * arrives with its manifest, the "build" makes an object per unit, then the tree is saved.
   */
  private String treeBuild(String recipe, String key, BuildCacheConfig cache) throws Exception {
    Path project = dir.resolve("project");
    List<String> files;
    try (var list = Files.list(project)) {
      files = list.map(f -> f.getFileName().toString()).sorted().toList();
    }
    deleteTree(dir.resolve("src"));
    deleteTree(dir.resolve("cross-src"));
    Files.createDirectories(dir.resolve("src"));
    Files.createDirectories(dir.resolve("cache"));
    Files.createDirectories(dir.resolve("cross-src"));
    for (String f : files) {
      Files.copy(
          project.resolve(f),
          dir.resolve("cross-src").resolve(f),
          java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
    Files.writeString(
        dir.resolve("cross-src.sha256"), SourceDigest.manifest(project, files).lines());
    String build =
        """
        for c in *.c; do [ -e "${c%.c}.o" ] && [ ! "$c" -nt "${c%.c}.o" ] || { cp "$c" "${c%.c}.o"; echo "compiled $c"; }; done
        """;
    String script =
        "set -eu\ncd /src\nCROSS_TREE_KEY="
            + key
            + "\n"
            + BuildCacheScript.prelude(recipe, cache, true)
            + build
            + BuildCacheScript.epilogue(recipe, cache, true);
    return sh(
        script
            .replace("/tmp/cross-", dir.resolve("tmp-cross-").toString())
            .replace("/cross-src", dir.resolve("cross-src").toString())
            .replace("/src", dir.resolve("src").toString())
            .replace("/cache", dir.resolve("cache").toString()));
  }

  private static void deleteTree(Path path) throws java.io.IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private String run(String depsKey) throws Exception {
    String prelude =
        BuildCacheScript.prelude("cargo", ON).replace("/cache", dir.resolve("cache").toString());
    return sh(
        "set -eu\ncd "
            + dir.resolve("src")
            + "\nCROSS_DEPS_KEY="
            + depsKey
            + "\n"
            + prelude
            + "echo \"seeded=${CROSS_CARGO_SEEDED:-}\"\n");
  }

  private String sh(String script) throws Exception {
    Path file = dir.resolve("script.sh");
    Files.writeString(file, script);
    Process p = new ProcessBuilder("sh", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
