package dev.crossbuild.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long histories: the cap on shipped commits, shallow hosts, and what a long history costs. */
class BuildRepositoryHistoryTest extends GitScenario {

  @Test
  void historyLongerThanTheCapIsShippedShallow() throws Exception {
    baseProject();
    for (int i = 2; i <= 10; i++) {
      git.commit(host, "a.txt", "commit " + i + "\n");
      if (i == 2) {
        git.git(host, "tag", "-a", "v0.1.0", "-m", "old, beyond the cap");
      } else if (i == 8) {
        git.git(host, "tag", "-a", "v1.0.0", "-m", "recent");
      }
    }
    maxCommits = 5;

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).matches("v1\\.0\\.0-2-g[0-9a-f]{7}");
    Path gitDir = lastCopy().resolve(".git");
    String fifth = git.git(host, "rev-parse", "HEAD~4");
    assertThat(Files.readString(gitDir.resolve("shallow"))).isEqualTo(fifth + "\n");
    assertThat(Files.readString(gitDir.resolve("packed-refs")))
        .contains("refs/tags/v1.0.0")
        .doesNotContain("v0.1.0");
    assertThat(container.git(lastCopy(), "-c", "safe.directory=*", "rev-list", "--count", "HEAD"))
        .isEqualTo("5");
  }

  @Test
  void aTagBeyondTheCapIsNotSeenInTheContainer() {
    baseProject();
    git.git(host, "tag", "-a", "v0.1.0", "-m", "old");
    for (int i = 2; i <= 8; i++) {
      git.commit(host, "a.txt", "commit " + i + "\n");
    }

    BuildRepository repo = BuildRepository.of(host, 5).orElseThrow();
    Path copy = ship(repo);

    // The host's answer stays available through describe(); git in the container, which cannot
    // see the tag, falls back to the hash: the documented price of the cap.
    assertThat(repo.describe()).matches("v0\\.1\\.0-7-g[0-9a-f]{7}");
    assertThat(container.git(copy, "-c", "safe.directory=*", "describe", "--tags", "--always"))
        .isEqualTo(repo.headCommit().substring(0, 7));
  }

  @Test
  void mergesAcrossTheCutStayReadable() {
    baseProject();
    git.git(host, "checkout", "-q", "-b", "side");
    for (int i = 1; i <= 4; i++) {
      git.commit(host, "side.txt", "side " + i + "\n");
    }
    git.git(host, "checkout", "-q", "main");
    for (int i = 1; i <= 4; i++) {
      git.commit(host, "a.txt", "main " + i + "\n");
    }
    git.git(host, "merge", "-q", "--no-ff", "-m", "merge side", "side");
    git.git(host, "tag", "v2.0.0");
    maxCommits = 4;

    shipAndCompare();

    GitCli.Result log =
        container.run(lastCopy(), List.of("-c", "safe.directory=*", "log", "--format=%H"));
    assertThat(log.exit()).as(log.err()).isZero();
  }

  @Test
  void aShallowHostCloneShipsItsOwnCut() {
    baseProject();
    for (int i = 2; i <= 6; i++) {
      git.commit(host, "a.txt", "commit " + i + "\n");
    }
    git.git(host, "tag", "v1.0.0");
    Path clone = tmp.resolve("clone");
    git.git(tmp, "clone", "-q", "--depth", "3", host.toUri().toString(), clone.toString());
    host = clone;

    shipAndCompare();

    assertThat(lastCopy().resolve(".git/shallow"))
        .hasContent(git.git(clone, "rev-parse", "HEAD~2") + "\n");
  }

  @Test
  void threeThousandCommitsShipSmallAndFast() throws Exception {
    fastImport(3_000, 200);
    long start = System.nanoTime();
    BuildRepository repo = BuildRepository.of(host).orElseThrow();
    String key = repo.key();
    long read = System.nanoTime();
    Path gitDir = tmp.resolve("measured/.git");
    repo.writeGitDir(gitDir);
    long written = System.nanoTime();
    long size = ShippedCopy.size(gitDir);
    // once more, warm: what a second build in the same JVM pays
    long again = System.nanoTime();
    BuildRepository warm = BuildRepository.of(host).orElseThrow();
    warm.key();
    long readWarm = System.nanoTime();
    warm.writeGitDir(tmp.resolve("measured-warm/.git"));
    long writtenWarm = System.nanoTime();
    System.out.printf(
        "3000 commits, 200 files: git dir %d bytes; of()+key() %d ms (warm %d ms),"
            + " writeGitDir %d ms (warm %d ms); key %s%n",
        size,
        (read - start) / 1_000_000,
        (readWarm - again) / 1_000_000,
        (written - read) / 1_000_000,
        (writtenWarm - readWarm) / 1_000_000,
        key);

    assertThat(size).isLessThan(2L * 1024 * 1024);
    assertThat(repo.describe()).isEqualTo(git.git(host, "describe", "--tags", "--dirty"));
    shipAndCompare();
  }

  /**
   * A history of {@code commits} commits over {@code files} files in 20 directories; every 100th
   * commit and the last change one file, the others only their message (git fast-import is slow
   * here when every commit makes new trees). An annotated tag every 500 commits and a lightweight
   * one every 250.
   */
  private void fastImport(int commits, int files) {
    StringBuilder in = new StringBuilder();
    long time = 1_600_000_000L;
    for (int c = 1; c <= commits; c++) {
      in.append("commit refs/heads/main\nmark :").append(c).append('\n');
      in.append("committer T <t@example.invalid> ").append(time += 60).append(" +0000\n");
      data(in, "commit " + c);
      int changed = c == 1 ? files : c % 100 == 0 || c == commits ? 1 : 0;
      for (int f = 0; f < changed; f++) {
        int file = c == 1 ? f : c % files;
        in.append("M 100644 inline dir").append(file % 20).append("/file").append(file);
        in.append(".txt\n");
        data(in, "file " + file + " at commit " + c + "\n");
      }
      if (c % 500 == 0) {
        in.append("tag v0.").append(c / 500).append(".0\nfrom :").append(c).append('\n');
        in.append("tagger T <t@example.invalid> ").append(time).append(" +0000\n");
        data(in, "release " + c);
      } else if (c % 250 == 0) {
        in.append("reset refs/tags/build-").append(c).append("\nfrom :").append(c).append("\n\n");
      }
    }
    GitCli.Result result =
        git.run(
            host,
            List.of("fast-import", "--quiet"),
            in.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(result.exit()).as(result.err()).isZero();
    git.git(host, "reset", "-q", "--hard", "main");
  }

  private static void data(StringBuilder in, String text) {
    in.append("data ").append(text.getBytes(StandardCharsets.UTF_8).length).append('\n');
    in.append(text).append('\n');
  }
}
