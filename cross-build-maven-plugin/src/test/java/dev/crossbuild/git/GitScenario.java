package dev.crossbuild.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host repository made with the git CLI, and the check every scenario ends with: ship it, then
 * ask git the same questions on both sides.
 */
abstract class GitScenario {

  static final String DESCRIBE = "describe --tags --dirty --always";

  @TempDir Path tmp;

  /** git on the host, with a committer identity. */
  GitCli git;

  /** git in the "container": no configuration at all. */
  GitCli container;

  /** The host's work tree. */
  Path host;

  /** The cap on shipped commits {@link #shipAndCompare} uses. */
  int maxCommits = BuildRepository.DEFAULT_MAX_COMMITS;

  private int copies;

  @BeforeEach
  void createHost() {
    git = GitCli.withHome(tmp.resolve("home"), true);
    container = GitCli.withHome(tmp.resolve("container-home"), false);
    host = git.init(tmp.resolve("host"));
  }

  /** A small project: nested directories, an executable, a symbolic link, ignore rules. */
  void baseProject() {
    try {
      GitCli.write(host, "a.txt", "alpha\n");
      GitCli.write(host, "src/main/App.java", "class App {}\n");
      GitCli.write(host, "src/main/res/data.txt", "one\ntwo\nthree\n");
      GitCli.write(host, ".gitignore", "*.log\nbuild/\n");
      GitCli.write(host, ".gitattributes", "*.txt text\n");
      Path run = GitCli.write(host, "run.sh", "#!/bin/sh\necho run\n");
      Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createSymbolicLink(host.resolve("link"), Path.of("a.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git.git(host, "add", "-A");
    git.git(host, "commit", "-q", "-m", "base");
  }

  /**
   * Reads the host, ships it to a fresh copy and asserts that git there answers as on the host, and
   * that the {@link BuildRepository} accessors give the host's answers. Returns what it read.
   */
  BuildRepository shipAndCompare() {
    Map<String, GitCli.Result> onHost = ShippedCopy.answers(git, host);
    BuildRepository repo = BuildRepository.of(host, maxCommits).orElseThrow();
    Path copy = ship(repo);
    ShippedCopy.assertSameAnswers(onHost, ShippedCopy.answers(container, copy));
    String describe = onHost.get(DESCRIBE).out().strip();
    assertThat(repo.describe()).isEqualTo(describe);
    assertThat(repo.dirty()).isEqualTo(describe.endsWith("-dirty"));
    assertThat(repo.headCommit()).isEqualTo(onHost.get("rev-parse HEAD").out().strip());
    assertThat(repo.headCommitTime())
        .isEqualTo(Long.parseLong(onHost.get("log -1 --format=%ct").out().strip()));
    assertThat(repo.atRoot()).isTrue();
    return repo;
  }

  /** Ships {@code repo} with the host's files to a new directory; returns that directory. */
  Path ship(BuildRepository repo) {
    return ShippedCopy.ship(git, host, repo, tmp.resolve("copy" + ++copies));
  }

  /** The last directory {@link #ship} made. */
  Path lastCopy() {
    return tmp.resolve("copy" + copies);
  }
}
