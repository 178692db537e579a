package dev.crossbuild.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInfoTest {

  @TempDir Path dir;

  @Test
  void lightweightTagAtHeadIsTheReleaseTag() {
    String sha;
    try (TestRepositories repo = TestRepositories.init(dir)) {
      sha = repo.commit("a.txt", "one");
      repo.lightweightTag("v1.0.0");
    }
    try (GitInfo git = GitInfo.open(dir)) {
      assertThat(git.releaseTag(null)).isEqualTo(new ReleaseTag("v1.0.0", sha));
    }
  }

  @Test
  void annotatedTagIsPeeledToItsCommit() {
    String sha;
    try (TestRepositories repo = TestRepositories.init(dir)) {
      sha = repo.commit("a.txt", "one");
      repo.annotatedTag("v2.0.0");
    }
    try (GitInfo git = GitInfo.open(dir)) {
      assertThat(git.releaseTag(null)).isEqualTo(new ReleaseTag("v2.0.0", sha));
      assertThat(git.commitOfTag("v2.0.0")).contains(sha);
    }
  }

  @Test
  void severalTagsAtHeadPickTheHighestSemanticVersion() {
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.commit("a.txt", "one");
      repo.lightweightTag("v1.10.0")
          .annotatedTag("v1.9.3")
          .lightweightTag("v1.10.0-rc.2")
          .lightweightTag("nightly")
          .annotatedTag("v1.2.0");
    }
    try (GitInfo git = GitInfo.open(dir)) {
      assertThat(git.tagsAtHead())
          .containsExactly("v1.10.0", "v1.10.0-rc.2", "v1.9.3", "v1.2.0", "nightly");
      assertThat(git.releaseTag(null).name()).isEqualTo("v1.10.0");
    }
  }

  @Test
  void tagsOnOlderCommitsAreNotAtHead() {
    String head;
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.commit("a.txt", "one");
      repo.annotatedTag("v1.0.0");
      head = repo.commit("a.txt", "two");
    }
    try (GitInfo git = GitInfo.open(dir)) {
      assertThatThrownBy(() -> git.releaseTag(null))
          .isInstanceOfSatisfying(
              NoTagAtHeadException.class, e -> assertThat(e.commit()).isEqualTo(head))
          .hasMessageContaining(head.substring(0, 7));
    }
  }

  @Test
  void overrideWinsOverTheTagAtHead() {
    String first;
    try (TestRepositories repo = TestRepositories.init(dir)) {
      first = repo.commit("a.txt", "one");
      repo.annotatedTag("v1.0.0");
      repo.commit("a.txt", "two");
      repo.lightweightTag("v1.1.0");
    }
    try (GitInfo git = GitInfo.open(dir)) {
      assertThat(git.releaseTag("v1.0.0")).isEqualTo(new ReleaseTag("v1.0.0", first));
      assertThat(git.releaseTag("v9.9.9")).isEqualTo(new ReleaseTag("v9.9.9", null));
    }
  }

  @Test
  void opensFromASubdirectory() throws Exception {
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.commit("a.txt", "one");
    }
    Path sub = Files.createDirectories(dir.resolve("module/src"));
    try (GitInfo git = GitInfo.open(sub)) {
      assertThat(git.root().toRealPath()).isEqualTo(dir.toRealPath());
    }
  }

  @Test
  void noRepositoryIsATypedError() {
    Path plain = dir.resolve("plain");
    assertThatThrownBy(() -> GitInfo.open(plain))
        .isInstanceOfSatisfying(
            NotAGitRepositoryException.class,
            e -> assertThat(e.directory()).isEqualTo(plain.toAbsolutePath().normalize()));
  }

  @Test
  void httpsAndSshRemotesNameTheRepository() {
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.commit("a.txt", "one");
      repo.remote("origin", "git@github.com:acme/widget.git");
    }
    try (GitInfo git = GitInfo.open(dir)) {
      assertThat(git.gitHubRepository(null)).isEqualTo(new GitHubRepository("acme", "widget"));
      assertThat(git.gitHubRepository("other/thing"))
          .isEqualTo(new GitHubRepository("other", "thing"));
    }
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.remote("origin", "https://github.com/acme/gadget");
    }
    try (GitInfo git = GitInfo.open(dir)) {
      assertThat(git.gitHubRepository(null)).hasToString("acme/gadget");
    }
  }

  @Test
  void remoteThatIsNotGitHubShapedIsATypedErrorWithoutCredentials() {
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.remote("origin", "https://user:s3cret@git.example.invalid/scm/a/b/c.git");
    }
    try (GitInfo git = GitInfo.open(dir)) {
      assertThatThrownBy(() -> git.gitHubRepository(null))
          .isInstanceOfSatisfying(
              NotAGitHubRemoteException.class,
              e -> assertThat(e.url()).isEqualTo("https://git.example.invalid/scm/a/b/c.git"))
          .message()
          .doesNotContain("s3cret")
          .contains("origin");
    }
  }

  @Test
  void missingOriginIsATypedError() {
    try (TestRepositories repo = TestRepositories.init(dir)) {
      repo.commit("a.txt", "one");
    }
    try (GitInfo git = GitInfo.open(dir)) {
      assertThatThrownBy(() -> git.gitHubRepository(""))
          .isInstanceOfSatisfying(
              NotAGitHubRemoteException.class, e -> assertThat(e.url()).isNull())
          .hasMessageContaining("'origin' is not configured");
    }
  }
}
