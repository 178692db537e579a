package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.Golden;
import dev.crossbuild.recipe.BuildContext;
import dev.crossbuild.recipe.Presets;
import dev.crossbuild.recipe.Recipe;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.recipe.Toolchain;
import dev.crossbuild.target.Target;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden files under src/test/resources/golden/dockerfiles; -Dgolden.update=true rewrites them. */
class DockerfilesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/dockerfiles");

  private final Recipe recipe =
      Presets.resolve(
          "make",
          new RecipeOverrides(
              "make",
              List.of("zlib1g-dev"),
              List.of("echo set up"),
              List.of("deps.txt"),
              "cat deps.txt",
              null,
              List.of("hello", "lib/*.so"),
              Map.of("GREETING", "say \"hi\" $HOME")));
  private final Target arm = TargetCatalog.builtIn().resolve("aarch64-unknown-linux-gnu");
  private static final BuildContext NO_FILES = new BuildContext(Path.of("."), List.of());

  @Test
  void crossDepsDockerfile() throws Exception {
    golden(
        "deps-cross-aarch64.Dockerfile",
        Dockerfiles.deps(
            "amd64/debian:bookworm-slim",
            Toolchain.forTarget(recipe, arm, true, NO_FILES),
            true,
            false));
  }

  @Test
  void nativeDepsDockerfile() throws Exception {
    Recipe noSetup =
        Presets.resolve(
            "make",
            new RecipeOverrides(
                "make", List.of("zlib1g-dev"), null, null, null, null, List.of("hello"), Map.of()));
    golden(
        "deps-native-aarch64.Dockerfile",
        Dockerfiles.deps(
            "arm64v8/debian:bookworm-slim",
            Toolchain.forTarget(noSetup, arm, false, NO_FILES),
            false,
            false));
  }

  @Test
  void buildScript() throws Exception {
    golden(
        "cross-build.sh",
        Dockerfiles.buildScript(
            "aarch64-unknown-linux-gnu", "make", recipe.artifacts(), 1700000000L));
  }

  @Test
  void buildScriptFailsWhenAnArtifactIsMissingAndCopiesGlobs(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // Run the generated script with /src and /out mapped into a temp dir: the real shell, real
    // globs.
    String script =
        Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu",
                "mkdir -p lib && touch hello lib/a.so lib/b.so",
                List.of("hello", "lib/*.so"),
                1700000000L)
            .replace("/src", dir.resolve("src").toString())
            .replace("/out", dir.resolve("out").toString());
    Files.createDirectories(dir.resolve("src"));
    assertThat(run(dir, script)).isZero();
    assertThat(dir.resolve("out/hello")).exists();
    assertThat(dir.resolve("out/a.so")).as("collected by file name").exists();
    assertThat(dir.resolve("out/b.so")).exists();

    String missing =
        Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu", "true", List.of("nothing-*.bin"), 1700000000L)
            .replace("/src", dir.resolve("src").toString())
            .replace("/out", dir.resolve("out2").toString());
    assertThat(run(dir, missing)).isEqualTo(3);

    // What a real JNI project's Makefile did: the library is under target/, the artifact named only
    // the file.
    String elsewhere =
        mapped(
            dir,
            Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu",
                "mkdir -p target/native-Linux-x86_64 && touch target/native-Linux-x86_64/libjansi.so",
                List.of("libjansi.so"),
                1700000000L),
            dir.resolve("out6"));
    assertThat(run(dir, elsewhere)).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("script.log")))
        .contains(
            "artifact 'libjansi.so' not found in ",
            "(an artifact is a path or glob relative to ",
            "; files named libjansi.so are at:" + " target/native-Linux-x86_64/libjansi.so)");

    String sameName =
        Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu",
                "mkdir -p a b && touch a/x b/x",
                List.of("a/x", "b/x"),
                1700000000L)
            .replace("/src", dir.resolve("src").toString())
            .replace("/out", dir.resolve("out3").toString());
    assertThat(run(dir, sameName)).as("two artifacts named x").isEqualTo(3);

    String nothing =
        Dockerfiles.buildScript("x86_64-unknown-linux-gnu", "true", List.of(), 1700000000L)
            .replace("/src", dir.resolve("src").toString())
            .replace("/out", dir.resolve("out4").toString());
    assertThat(run(dir, nothing)).as("no outputs at all").isEqualTo(3);
    assertThat(Files.readString(dir.resolve("script.log"))).contains("left no outputs");

    String direct =
        Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu",
                "mkdir -p /out/bin && touch /out/bin/tool",
                List.of(),
                1700000000L)
            .replace("/src", dir.resolve("src").toString())
            .replace("/out", dir.resolve("out5").toString());
    assertThat(run(dir, direct)).as("the build command wrote into /out itself").isZero();
    assertThat(dir.resolve("out5/bin/tool")).exists();
  }

  @Test
  void aSymlinkedProgramShipsAsItsFileAndASonameChainStaysAChain(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // What a real Makefile project did: the program at the top level is a link into programs/.
    String build =
        "mkdir -p programs lib && printf 'ELF' > programs/tool && chmod 755 programs/tool"
            + " && ln -s programs/tool tool"
            + " && printf 'lib' > lib/libfoo.so.1.2.3 && ln -s libfoo.so.1.2.3 lib/libfoo.so.1"
            + " && ln -s libfoo.so.1 lib/libfoo.so && ln -s lib/libfoo.so.1 libfoo-alias.so";
    Path out = dir.resolve("out");
    String script =
        mapped(
            dir,
            Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu", build, List.of("tool", "lib/libfoo.so*"), 1700000000L),
            out);
    Files.createDirectories(dir.resolve("src"));

    assertThat(run(dir, script)).as(Files.readString(dir.resolve("script.log"))).isZero();
    assertThat(out.resolve("tool")).isRegularFile().hasContent("ELF");
    assertThat(Files.isSymbolicLink(out.resolve("tool")))
        .as("shipped as the file it resolves to")
        .isFalse();
    assertThat(Files.isExecutable(out.resolve("tool"))).isTrue();
    assertThat(Files.readSymbolicLink(out.resolve("libfoo.so"))).hasToString("libfoo.so.1");
    assertThat(Files.readSymbolicLink(out.resolve("libfoo.so.1"))).hasToString("libfoo.so.1.2.3");
    assertThat(Files.isSymbolicLink(out.resolve("libfoo.so.1.2.3"))).isFalse();
    assertThat(out.resolve("libfoo.so")).hasContent("lib");
    assertThat(Files.readString(dir.resolve("script.log")))
        .contains("./tool", "./libfoo.so", "./libfoo.so.1", "./libfoo.so.1.2.3");
  }

  @Test
  void linksIntoTheBuildTreeBecomeLinksToTheArtifactThatIsTheirFile(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // What zstd's Makefile leaves: lib/libzstd.so{,.1} link into obj/, lib/libzstd.so.1.5.4 is a
    // copy.
    String build =
        "mkdir -p lib/obj/c1 && printf 'lib' > lib/obj/c1/libz.so.1.5 && cp lib/obj/c1/libz.so.1.5 lib/"
            + " && ln -s obj/c1/libz.so.1.5 lib/libz.so.1 && ln -s obj/c1/libz.so.1.5 lib/libz.so"
            + " && printf 'other' > lib/obj/c1/other.so && ln -s obj/c1/other.so lib/libother.so";
    Path out = dir.resolve("out");
    Files.createDirectories(dir.resolve("src"));
    String script =
        mapped(
            dir,
            Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu", build, List.of("lib/libz.so*", "lib/libother.so"), 1L),
            out);

    assertThat(run(dir, script)).as(Files.readString(dir.resolve("script.log"))).isZero();
    assertThat(Files.readSymbolicLink(out.resolve("libz.so"))).hasToString("libz.so.1.5");
    assertThat(Files.readSymbolicLink(out.resolve("libz.so.1"))).hasToString("libz.so.1.5");
    assertThat(Files.isSymbolicLink(out.resolve("libz.so.1.5"))).isFalse();
    assertThat(out.resolve("libother.so"))
        .as("no artifact is its file: shipped as the file")
        .hasContent("other");
    assertThat(Files.isSymbolicLink(out.resolve("libother.so"))).isFalse();
  }

  @Test
  void aDanglingOrOutsideLinkFailsNamingTheArtifactAndItsTarget(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("src"));
    String dangling =
        mapped(
            dir,
            Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu", "ln -s programs/gone tool", List.of("tool"), 1L),
            dir.resolve("out1"));
    assertThat(run(dir, dangling)).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("script.log")))
        .contains("artifact 'tool' is a link to 'programs/gone', which does not exist");

    String outside =
        mapped(
            dir,
            Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu", "ln -sf /bin/sh shell", List.of("shell"), 1L),
            dir.resolve("out2"));
    assertThat(run(dir, outside)).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("script.log")))
        .contains("artifact 'shell' is a link to '/bin/sh'", "outside");

    String direct =
        mapped(
            dir,
            Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu",
                "mkdir -p /out/lib && ln -s /bin/sh /out/lib/sh",
                List.of(),
                1L),
            dir.resolve("out3"));
    assertThat(run(dir, direct)).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("script.log")))
        .contains("output 'lib/sh' is a link to '/bin/sh'");
  }

  @Test
  void theBuildCommandSeesSourceDateEpoch(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("src"));
    String script =
        mapped(
            dir,
            Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu",
                "echo \"epoch=$SOURCE_DATE_EPOCH\" > stamp",
                List.of("stamp"),
                1700000123L),
            dir.resolve("out"));
    assertThat(run(dir, script)).isZero();
    assertThat(dir.resolve("out/stamp")).hasContent("epoch=1700000123\n");
  }

  @Test
  void theBuildCommandSeesTheSourceStagesOwnVariablesQuotedAsTheyAre(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CROSS_PROJECT_VERSION", "1.4.0");
    env.put("CROSS_GIT_DESCRIBE", "v1.4.0-2-gabc1234-dirty");
    env.put("ODD", "it's $HOME `x`");
    String script =
        mapped(
            dir,
            Dockerfiles.buildScript(
                "x86_64-unknown-linux-gnu",
                "printf '%s|%s|%s' \"$CROSS_PROJECT_VERSION\" \"$CROSS_GIT_DESCRIBE\" \"$ODD\" > stamp",
                List.of("stamp"),
                1700000123L,
                env,
                "",
                ""),
            dir.resolve("out"));
    assertThat(run(dir, script)).isZero();
    assertThat(dir.resolve("out/stamp")).hasContent("1.4.0|v1.4.0-2-gabc1234-dirty|it's $HOME `x`");
  }

  private static String mapped(Path dir, String script, Path out) {
    return script.replace("/src", dir.resolve("src").toString()).replace("/out", out.toString());
  }

  private static int run(Path dir, String script) throws Exception {
    Path file = dir.resolve("script.sh");
    Files.writeString(file, script);
    return new ProcessBuilder("sh", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("script.log").toFile())
        .start()
        .waitFor();
  }

  private static void golden(String name, String actual) throws Exception {
    Golden.check(GOLDEN, name, actual);
  }
}
