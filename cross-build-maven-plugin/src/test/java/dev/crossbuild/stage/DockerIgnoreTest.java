package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerIgnoreTest {

  private static DockerIgnore rules(String... lines) {
    return DockerIgnore.parse(List.of(lines));
  }

  @Test
  void starStaysInOneSegmentAndPatternsAreAnchoredAtTheRoot() {
    DockerIgnore ignore = rules("*.log");

    assertThat(ignore.excludes("debug.log")).isTrue();
    assertThat(ignore.excludes("logs/debug.log")).isFalse();
    assertThat(ignore.excludes("debug.logx")).isFalse();
    assertThat(ignore.excludes("debugxlog")).as("the dot is literal").isFalse();
  }

  @Test
  void doubleStarSpansDirectories() {
    DockerIgnore ignore = rules("**/*.log", "a/**/b", "cache/**");

    assertThat(ignore.excludes("debug.log")).isTrue();
    assertThat(ignore.excludes("x/y/debug.log")).isTrue();
    assertThat(ignore.excludes("a/b")).isTrue();
    assertThat(ignore.excludes("a/x/y/b")).isTrue();
    assertThat(ignore.excludes("a/x/c")).isFalse();
    assertThat(ignore.excludes("cache/deep/file")).isTrue();
  }

  @Test
  void questionMarkIsOneCharacterAndClassesWork() {
    DockerIgnore ignore = rules("file?.txt", "[ab].bin");

    assertThat(ignore.excludes("file1.txt")).isTrue();
    assertThat(ignore.excludes("file10.txt")).isFalse();
    assertThat(ignore.excludes("file/.txt")).isFalse();
    assertThat(ignore.excludes("a.bin")).isTrue();
    assertThat(ignore.excludes("c.bin")).isFalse();
  }

  @Test
  void directoryPatternExcludesItsContentsAndLeadingSlashIsIgnored() {
    DockerIgnore ignore = rules("/build", "node_modules/");

    assertThat(ignore.excludes("build")).isTrue();
    assertThat(ignore.excludes("build/out/main.o")).isTrue();
    assertThat(ignore.excludes("node_modules/x/index.js")).isTrue();
    assertThat(ignore.excludes("src/build")).isFalse();
  }

  @Test
  void exceptionReincludesAndTheLastMatchingLineWins() {
    DockerIgnore ignore = rules("docs", "!docs/keep.md", "!important.txt", "*.txt");

    assertThat(ignore.excludes("docs/other.md")).isTrue();
    assertThat(ignore.excludes("docs/keep.md")).isFalse();
    assertThat(ignore.excludes("important.txt"))
        .as("a later *.txt wins over the earlier !")
        .isTrue();
    assertThat(ignore.hasExceptions()).isTrue();
    assertThat(rules("*.txt").hasExceptions()).isFalse();
  }

  @Test
  void commentsBlankLinesAndSurroundingSpaceAreSkipped() {
    DockerIgnore ignore =
        rules("# a comment", "", "   ", "  secret.env  ", "#notes.md", "! keep.env");

    assertThat(ignore.excludes("secret.env")).isTrue();
    assertThat(ignore.excludes("notes.md")).isFalse();
    assertThat(ignore.excludes("# a comment")).isFalse();
    assertThat(ignore.toString()).isEqualTo("[secret.env, !keep.env]");
  }

  @Test
  void patternsAreCleanedLikePaths() {
    assertThat(DockerIgnore.clean("./a//b/../c/")).isEqualTo("a/c");
    assertThat(DockerIgnore.clean("/../x")).isEqualTo("x");
    assertThat(rules("./out/../dist/").excludes("dist/app.js")).isTrue();
  }

  @Test
  void readsTheFileOfTheContextDirectoryOrNothing(@TempDir Path dir) throws IOException {
    assertThat(DockerIgnore.read(dir).excludes("anything")).isFalse();

    Files.writeString(dir.resolve(".dockerignore"), "\uFEFF*.tmp\n");
    assertThat(DockerIgnore.read(dir).excludes("x.tmp")).isTrue();
  }
}
