package dev.crossbuild.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the shipped git directory holds, its key, and describe in less simple histories. */
class BuildRepositoryGitDirTest extends GitScenario {

  @Test
  void keyChangesWithANewTagOrBranchAndOnlyThen() {
    baseProject();
    git.git(host, "tag", "v1.0.0");
    String key = BuildRepository.of(host).orElseThrow().key();

    assertThat(BuildRepository.of(host).orElseThrow().key()).isEqualTo(key);
    GitCli.write(host, "notes.md", "untracked files are not the git directory's business\n");
    assertThat(BuildRepository.of(host).orElseThrow().key()).isEqualTo(key);

    git.git(host, "tag", "v1.0.1"); // a new tag at HEAD, no file changed
    String tagged = BuildRepository.of(host).orElseThrow().key();
    assertThat(tagged).isNotEqualTo(key);

    git.git(host, "checkout", "-q", "-b", "other");
    String branched = BuildRepository.of(host).orElseThrow().key();
    assertThat(branched).isNotEqualTo(tagged);

    git.commit(host, "a.txt", "beta\n");
    assertThat(BuildRepository.of(host).orElseThrow().key()).isNotEqualTo(branched);
  }

  @Test
  void writingTwiceGivesTheSameBytes() throws Exception {
    baseProject();
    git.git(host, "tag", "-a", "v1.0.0", "-m", "release");
    git.commit(host, "a.txt", "beta\n");
    GitCli.write(host, "src/main/App.java", "class App { int staged; }\n");
    git.git(host, "add", "src/main/App.java");

    BuildRepository repo = BuildRepository.of(host).orElseThrow();
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    repo.writeGitDir(first);
    BuildRepository.of(host).orElseThrow().writeGitDir(second);

    Map<String, byte[]> a = ShippedCopy.files(first);
    Map<String, byte[]> b = ShippedCopy.files(second);
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    assertThat(a.keySet())
        .filteredOn(name -> !name.startsWith("objects/pack/"))
        .containsExactlyInAnyOrder("HEAD", "config", "packed-refs", "index");
    assertThat(a.keySet()).filteredOn(name -> name.startsWith("objects/pack/")).hasSize(2);
    assertThat(new String(a.get("config"), StandardCharsets.UTF_8))
        .isEqualTo("[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n");
    assertThat(first.resolve("refs/heads")).isEmptyDirectory();
    assertThat(first.resolve("refs/tags")).isEmptyDirectory();
    assertThat(first.resolve("objects/info")).isEmptyDirectory();
  }

  @Test
  void writingIntoADirectoryThatIsNotEmptyIsRefused() throws Exception {
    baseProject();
    Path dir = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(dir.resolve("shallow"), "stale\n");

    BuildRepository repo = BuildRepository.of(host).orElseThrow();

    assertThatThrownBy(() -> repo.writeGitDir(dir)).isInstanceOf(DirectoryNotEmptyException.class);
  }

  @Test
  void withoutFileContentsLogDescribeAndTreesWorkButFsckDoesNot() {
    baseProject();
    git.git(host, "tag", "-a", "v1.0.0", "-m", "release");
    git.commit(host, "a.txt", "beta\n");

    shipAndCompare();

    Path copy = lastCopy();
    assertThat(container.git(copy, "-c", "safe.directory=*", "ls-tree", "-r", "-t", "HEAD"))
        .isEqualTo(git.git(host, "ls-tree", "-r", "-t", "HEAD"));
    assertThat(container.git(copy, "-c", "safe.directory=*", "log", "--format=%H %s"))
        .isEqualTo(git.git(host, "log", "--format=%H %s"));
    GitCli.Result fsck =
        container.run(copy, List.of("-c", "safe.directory=*", "fsck", "--connectivity-only"));
    System.out.println("git fsck --connectivity-only in the copy: exit " + fsck.exit());
    System.out.println(fsck.out() + fsck.err());
  }

  @Test
  void describeMatchesGitAcrossMergesAndSeveralTagsOnACommit() {
    baseProject();
    git.git(host, "tag", "-a", "v1.0.0", "-m", "release");
    git.git(host, "checkout", "-q", "-b", "feature");
    git.commit(host, "feature.txt", "f1\n");
    git.git(host, "tag", "v1.1.0-rc1");
    git.git(host, "tag", "a-lightweight-first-by-name");
    git.commit(host, "feature.txt", "f2\n");
    git.git(host, "checkout", "-q", "main");
    git.commit(host, "a.txt", "m1\n");
    git.git(host, "tag", "-a", "v1.0.1", "-m", "patch");
    git.git(host, "tag", "-a", "v1.0.1-later", "-m", "same commit, newer tagger date");
    git.commit(host, "a.txt", "m2\n");
    git.git(host, "merge", "-q", "--no-ff", "-m", "merge feature", "feature");

    BuildRepository merged = shipAndCompare();
    assertThat(merged.describe()).startsWith("v1.0.1-later-");

    git.git(host, "checkout", "-q", "feature");
    BuildRepository side = shipAndCompare();
    assertThat(side.describe()).startsWith("a-lightweight-first-by-name-1-g");
  }

  @Test
  void configuredAbbreviationIsKept() throws Exception {
    baseProject();
    git.git(host, "config", "core.abbrev", "12");
    git.git(host, "tag", "-a", "v1.0.0", "-m", "release");
    git.commit(host, "a.txt", "beta\n");

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).matches("v1\\.0\\.0-1-g[0-9a-f]{12}");
    assertThat(Files.readString(lastCopy().resolve(".git/config"))).contains("\tabbrev = 12\n");
  }

  @Test
  void misnamedAnnotatedTagIsDescribedByItsInnerName() {
    baseProject();
    git.git(host, "tag", "-a", "v3.0.0", "-m", "release");
    // the ref is renamed, the tag object keeps "v3.0.0": git prints the inner name, long form
    String tag = git.git(host, "rev-parse", "refs/tags/v3.0.0");
    git.git(host, "update-ref", "refs/tags/renamed", tag);
    git.git(host, "update-ref", "-d", "refs/tags/v3.0.0");

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).matches("v3\\.0\\.0-0-g[0-9a-f]{7}");
  }

  @Test
  void largeHostAbbreviatesLongerAndTheCopyFollows() throws Exception {
    baseProject();
    git.git(host, "tag", "-a", "v1.0.0", "-m", "release");
    git.commit(host, "a.txt", "beta\n");
    // 17,000 packed objects: git's "auto" abbreviation grows from 7 to 8 hex digits at 2^14
    StringBuilder blobs = new StringBuilder();
    for (int i = 0; i < 17_000; i++) {
      String text = "blob " + i + "\n";
      blobs.append("blob\ndata ").append(text.length()).append('\n').append(text).append('\n');
    }
    GitCli.Result imported =
        git.run(
            host,
            List.of("fast-import", "--quiet"),
            blobs.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(imported.exit()).as(imported.err()).isZero();

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).matches("v1\\.0\\.0-1-g[0-9a-f]{8}");
    assertThat(Files.readString(lastCopy().resolve(".git/config"))).contains("\tabbrev = 8\n");
  }

  @Test
  void linkedWorktreeIsShippedLikeTheMainOne() {
    baseProject();
    git.git(host, "tag", "v1.0.0");
    Path linked = tmp.resolve("linked");
    git.git(host, "worktree", "add", "-q", "-b", "topic", linked.toString());
    git.commit(linked, "a.txt", "on topic\n");
    host = linked;

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).matches("v1\\.0\\.0-1-g[0-9a-f]{7}");
  }

  @Test
  void headCommitThatRenamesAndMergesCanBeShown() {
    baseProject();
    git.git(host, "tag", "v1.0.0");
    git.git(host, "checkout", "-q", "-b", "side");
    git.git(host, "mv", "src/main/res/data.txt", "src/main/res/renamed.txt");
    GitCli.write(host, "src/main/res/renamed.txt", "one\ntwo\nthree\nfour\n");
    git.git(host, "commit", "-q", "-am", "rename with an edit");

    shipAndCompare(); // git show -s diffs the rename: it reads both blobs

    git.git(host, "checkout", "-q", "main");
    git.commit(host, "a.txt", "main moves on\n");
    git.git(host, "merge", "-q", "--no-ff", "-m", "merge side", "side");

    shipAndCompare();
  }
}
