package dev.crossbuild.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped git directory answers {@code describe}, {@code rev-parse}, {@code log -1} and {@code
 * status} in a copy of the work tree as the host's repository does, checked with the real git CLI.
 */
class BuildRepositoryTest extends GitScenario {

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void tagAtHead(boolean annotated) throws Exception {
    baseProject();
    if (annotated) {
      git.git(host, "tag", "-a", "v1.4.0", "-m", "release 1.4.0");
    } else {
      git.git(host, "tag", "v1.4.0");
    }

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).isEqualTo("v1.4.0");
    assertThat(repo.dirty()).isFalse();
    String packedRefs = Files.readString(lastCopy().resolve(".git/packed-refs"));
    assertThat(packedRefs).contains(" refs/heads/main\n", " refs/tags/v1.4.0\n");
    assertThat(packedRefs.contains("\n^")).isEqualTo(annotated);
  }

  @Test
  void twoCommitsAfterATag() {
    baseProject();
    git.git(host, "tag", "-a", "v1.4.0", "-m", "release");
    git.commit(host, "a.txt", "beta\n");
    git.commit(host, "src/main/App.java", "class App { int x; }\n");

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).matches("v1\\.4\\.0-2-g[0-9a-f]{7}");
  }

  @Test
  void uncommittedChangeOfATrackedFileIsDirty() {
    baseProject();
    git.git(host, "tag", "v1.4.0");
    GitCli.write(host, "a.txt", "alpha, changed\n");

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).isEqualTo("v1.4.0-dirty");
    assertThat(repo.dirty()).isTrue();
    assertThat(container.git(lastCopy(), "status", "--porcelain")).isEqualTo("M a.txt");
  }

  @Test
  void stagedChangesAreDirty() throws Exception {
    baseProject();
    git.git(host, "tag", "v1.4.0");
    GitCli.write(host, "src/main/App.java", "class App { int staged; }\n");
    git.git(host, "add", "src/main/App.java");
    // A deletion and a similar new file: git status runs rename detection, which reads blobs.
    git.git(host, "rm", "-q", "src/main/res/data.txt");
    GitCli.write(host, "src/main/res/moved.txt", "one\ntwo\nthree\nfour\n");
    git.git(host, "add", "src/main/res/moved.txt");
    Files.delete(host.resolve("run.sh"));

    BuildRepository repo = shipAndCompare();

    assertThat(repo.dirty()).isTrue();
    assertThat(container.run(lastCopy(), List.of("status", "--porcelain")).out().lines())
        .containsExactly(
            " D run.sh",
            "M  src/main/App.java",
            "R  src/main/res/data.txt -> src/main/res/moved.txt");
  }

  @Test
  void untrackedFilesAreListedAndIgnoredOnesAreNot() {
    baseProject();
    git.git(host, "tag", "v1.4.0");
    GitCli.write(host, "notes.md", "untracked\n");
    GitCli.write(host, "debug.log", "ignored\n");
    GitCli.write(host, "build/out.bin", "ignored\n");

    BuildRepository repo = shipAndCompare();

    assertThat(repo.dirty()).isFalse();
    assertThat(repo.describe()).isEqualTo("v1.4.0");
    assertThat(container.git(lastCopy(), "status", "--porcelain")).isEqualTo("?? notes.md");
  }

  @Test
  void withoutATagDescribeIsTheAbbreviatedCommit() {
    baseProject();
    String head = git.commit(host, "a.txt", "beta\n");

    BuildRepository repo = shipAndCompare();

    assertThat(repo.describe()).isEqualTo(head.substring(0, 7));
    GitCli.Result plain = container.run(lastCopy(), List.of("describe", "--tags"));
    assertThat(plain.exit()).isNotZero(); // as on the host: no names found
  }

  @Test
  void noRepositoryNoCommitOrBareRepositoryIsEmpty() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain/project"));
    assertThat(BuildRepository.of(plain)).isEmpty();
    assertThat(BuildRepository.of(tmp.resolve("missing"))).isEmpty();
    assertThat(BuildRepository.of(host)).isEmpty(); // initialised, no commit yet
    Path bare = Files.createDirectories(tmp.resolve("bare.git"));
    git.git(bare, "init", "-q", "--bare");
    assertThat(BuildRepository.of(bare)).isEmpty();
    baseProject();
    assertThat(BuildRepository.of(host.resolve(".git"))).isEmpty();
  }

  @Test
  void projectInASubdirectoryIsDescribedButNotShipped() {
    baseProject();
    git.git(host, "tag", "-a", "v2.0.0", "-m", "release");
    String head = git.commit(host, "src/main/App.java", "class App { int y; }\n");
    Path module = host.resolve("src/main");

    BuildRepository repo = BuildRepository.of(module).orElseThrow();

    assertThat(repo.atRoot()).isFalse();
    assertThat(repo.headCommit()).isEqualTo(head);
    assertThat(repo.describe())
        .isEqualTo(git.git(module, "describe", "--tags", "--dirty", "--always"));
    assertThat(repo.key()).isEqualTo(BuildRepository.of(host).orElseThrow().key());
    assertThatThrownBy(() -> repo.writeGitDir(tmp.resolve("never")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(tmp.resolve("never")).doesNotExist();
  }

  @Test
  void detachedHeadIsShippedDetached() throws Exception {
    baseProject();
    String first = git.git(host, "rev-parse", "HEAD");
    git.commit(host, "a.txt", "beta\n");
    git.git(host, "checkout", "-q", "--detach", first);

    shipAndCompare();

    assertThat(Files.readString(lastCopy().resolve(".git/HEAD"))).isEqualTo(first + "\n");
  }

  @Test
  void sparseCheckoutAnswersAsOnTheHost() {
    baseProject();
    git.git(host, "tag", "v1.4.0");
    git.git(host, "sparse-checkout", "set", "--no-cone", "/a.txt", "/.git*");

    BuildRepository repo = shipAndCompare(); // the files left out are not "deleted"

    assertThat(repo.describe()).isEqualTo("v1.4.0");
    assertThat(lastCopy().resolve("run.sh")).doesNotExist();
  }

  @Test
  void intentToAddIsShippedAsAnAddedEmptyFile() {
    baseProject();
    git.git(host, "tag", "v1.4.0");
    GitCli.write(host, "later.txt", "added with -N\n");
    git.git(host, "add", "-N", "later.txt");

    BuildRepository repo = BuildRepository.of(host).orElseThrow();
    Path copy = ship(repo);

    // JGit cannot write the intent-to-add flag: describe agrees, status shows the entry as staged
    assertThat(repo.describe()).isEqualTo("v1.4.0-dirty");
    assertThat(git.run(host, List.of("status", "--porcelain")).out()).isEqualTo(" A later.txt\n");
    assertThat(container.run(copy, List.of("status", "--porcelain")).out())
        .isEqualTo("AM later.txt\n");
    assertThat(container.git(copy, "describe", "--tags", "--dirty")).isEqualTo("v1.4.0-dirty");
  }
}
