package dev.crossbuild.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubRepositoryTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://github.com/acme/widget.git",
        "https://github.com/acme/widget",
        "https://github.com/acme/widget/",
        "https://x-access-token:abc@github.com/acme/widget.git",
        "http://ghe.example.invalid/acme/widget.git",
        "git@github.com:acme/widget.git",
        "git@github.com:acme/widget",
        "ssh://git@github.com/acme/widget.git",
        "ssh://git@github.com:22/acme/widget",
        "git://github.com/acme/widget.git"
      })
  void remoteUrlFormsAllNameOwnerAndRepository(String url) {
    assertThat(GitHubRepository.fromRemoteUrl(url))
        .contains(new GitHubRepository("acme", "widget"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/srv/git/widget.git",
        "https://github.com/acme",
        "https://host/a/b/c",
        "git@github.com:widget.git",
        "file:///srv/acme/widget.git"
      })
  void urlsWithoutOwnerAndNameAreRejected(String url) {
    assertThat(GitHubRepository.fromRemoteUrl(url)).isEmpty();
  }

  @Test
  void configuredValueMustBeOwnerSlashName() {
    assertThat(GitHubRepository.parse("acme/widget.js")).hasToString("acme/widget.js");
    assertThatThrownBy(() -> GitHubRepository.parse("acme"))
        .isInstanceOfSatisfying(
            InvalidRepositoryNameException.class, e -> assertThat(e.value()).isEqualTo("acme"));
  }

  @Test
  void credentialsAreRemovedForMessages() {
    assertThat(GitHubRepository.withoutCredentials("https://x:tok@github.com/a/b.git"))
        .isEqualTo("https://github.com/a/b.git");
    assertThat(GitHubRepository.withoutCredentials("git@github.com:a/b.git"))
        .isEqualTo("git@github.com:a/b.git");
  }
}
