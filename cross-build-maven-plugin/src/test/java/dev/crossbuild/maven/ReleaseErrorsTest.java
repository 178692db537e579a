package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crossbuild.git.GitHubRepository;
import dev.crossbuild.release.GitHubReleases;
import dev.crossbuild.release.GitHubUnreachableException;
import dev.crossbuild.release.RetryPolicy;
import dev.crossbuild.release.Setting;
import dev.crossbuild.release.SettingSource;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unreachable-API message says where the URL came from, for each source, and what to do about
 * it.
 */
class ReleaseErrorsTest {

  private static final String URL = "https://ghe.example.invalid/api/v3";

  private static GitHubUnreachableException unresolved;

  @BeforeAll
  static void failOnce() {
    GitHubReleases api =
        new GitHubReleases(
            URL,
            new GitHubRepository("acme", "zdemo"),
            "ghp_secret",
            new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> {}),
            line -> {});
    unresolved =
        catchThrowableOfType(() -> api.findRelease("v2.0.0"), GitHubUnreachableException.class);
  }

  private static String message(SettingSource source) {
    MojoExecutionException e =
        ReleaseErrors.unreachable(unresolved, new Setting<>(URL, source), Optional.empty());
    assertThat(e).hasCause(unresolved);
    assertThat(e.getMessage()).startsWith(unresolved.getMessage() + ". ");
    return e.getMessage();
  }

  @Test
  void fromThePom() {
    assertThat(message(SettingSource.pom("apiUrl")))
        .contains("The API URL " + URL + " is from <apiUrl> in the POM. Check the host name")
        .endsWith("For GitHub Enterprise Server the API URL is https://HOST/api/v3.");
  }

  @Test
  void fromAProperty() {
    assertThat(message(SettingSource.property("cross.release.apiUrl")))
        .contains("The API URL " + URL + " is from -Dcross.release.apiUrl. Check the host name");
  }

  @Test
  void fromAPropertyInThePom() {
    assertThat(message(SettingSource.pomProperty("cross.release.apiUrl")))
        .contains("The API URL " + URL + " is from the property cross.release.apiUrl in the POM.");
  }

  @Test
  void fromTheEnvironment() {
    assertThat(message(SettingSource.environment("GITHUB_API_URL")))
        .contains("The API URL " + URL + " is from the environment variable GITHUB_API_URL.")
        .endsWith("; <apiUrl> / -Dcross.release.apiUrl win over GITHUB_API_URL.");
  }

  @Test
  void theDefault() {
    assertThat(message(SettingSource.byDefault()))
        .contains(
            "The API URL "
                + URL
                + " is the default (neither <apiUrl> / -Dcross.release.apiUrl nor"
                + " GITHUB_API_URL is set).")
        .endsWith("; set it with <apiUrl> / -Dcross.release.apiUrl, or GITHUB_API_URL.");
  }

  @Test
  void anotherHostIsAnAddressGitHubNamedNotTheApiUrl() {
    MojoExecutionException e =
        ReleaseErrors.unreachable(
            unresolved,
            new Setting<>("https://api.github.com", SettingSource.byDefault()),
            Optional.of("https://github.com"));

    assertThat(e.getMessage())
        .contains(
            "ghe.example.invalid:443 is an upload or download address that GitHub named, not the API URL"
                + " https://api.github.com (the default).")
        .doesNotContain("GitHub Enterprise Server");
  }
}
