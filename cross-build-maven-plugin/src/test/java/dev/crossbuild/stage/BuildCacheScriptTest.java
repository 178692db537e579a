package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.BuildCacheConfig;
import java.nio.file.Files;
import java.nio.file.Path;
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
