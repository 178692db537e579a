package dev.crossbuild.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.git.GitHubRepository;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseSettingsTest {

  private static final Map<String, String> GHES_RUNNER =
      Map.of(
          "GITHUB_API_URL", "https://ghe.corp.example/api/v3",
          "GITHUB_REPOSITORY", "acme/widget",
          "GITHUB_SERVER_URL", "https://ghe.corp.example/");

  @Test
  void withNothingConfiguredTheRunnersVariablesAreUsed() {
    ReleaseSettings settings = new ReleaseSettings(GHES_RUNNER);

    assertThat(settings.apiUrl(null))
        .isEqualTo(
            new Setting<>(
                "https://ghe.corp.example/api/v3", SettingSource.environment("GITHUB_API_URL")))
        .hasToString(
            "https://ghe.corp.example/api/v3 (from the environment variable GITHUB_API_URL)");
    assertThat(settings.repository(null))
        .contains(
            new Setting<>(
                new GitHubRepository("acme", "widget"),
                SettingSource.environment("GITHUB_REPOSITORY")));
    assertThat(settings.serverUrl()).contains("https://ghe.corp.example");
  }

  @Test
  void configuredValuesWinOverTheEnvironment() {
    ReleaseSettings settings = new ReleaseSettings(GHES_RUNNER);

    assertThat(
            settings.apiUrl(
                new Setting<>(
                    "https://api.github.com", SettingSource.property("cross.release.apiUrl"))))
        .hasToString("https://api.github.com (from -Dcross.release.apiUrl)");
    assertThat(settings.repository(new Setting<>("other/tool", SettingSource.pom("repository"))))
        .hasValueSatisfying(
            r -> assertThat(r).hasToString("other/tool (from <repository> in the POM)"));
  }

  @Test
  void withoutConfigurationOrVariablesThePublicApiIsTheDefaultAndGitGivesTheRepository() {
    ReleaseSettings settings =
        new ReleaseSettings(Map.of("GITHUB_API_URL", " ", "GITHUB_REPOSITORY", ""));

    assertThat(settings.apiUrl(null)).hasToString("https://api.github.com (the default)");
    assertThat(settings.repository(null)).isEmpty();
    assertThat(settings.serverUrl()).isEmpty();
  }

  @Test
  void aRepositoryVariableThatIsNotOwnerSlashNameIsRejectedNamingValueAndVariable() {
    ReleaseSettings settings = new ReleaseSettings(Map.of("GITHUB_REPOSITORY", "widget"));

    assertThatThrownBy(() -> settings.repository(null))
        .isInstanceOfSatisfying(
            InvalidReleaseSettingException.class,
            e -> assertThat(e.source()).isEqualTo(SettingSource.environment("GITHUB_REPOSITORY")))
        .hasMessage(
            "The GitHub repository from the environment variable GITHUB_REPOSITORY is not of the form"
                + " owner/name: 'widget'");
  }

  @Test
  void anApiUrlThatIsNotHttpIsRejectedNamingValueAndVariableWithoutCredentials() {
    ReleaseSettings settings =
        new ReleaseSettings(Map.of("GITHUB_API_URL", "ftp://user:secret@ghe.corp/api/v3"));

    assertThatThrownBy(() -> settings.apiUrl(null))
        .isInstanceOf(InvalidReleaseSettingException.class)
        .hasMessage(
            "The GitHub API URL from the environment variable GITHUB_API_URL is not an http(s) URL:"
                + " 'ftp://ghe.corp/api/v3'");
    assertThatThrownBy(
            () -> settings.apiUrl(new Setting<>("ghe.corp/api/v3", SettingSource.pom("apiUrl"))))
        .hasMessage(
            "The GitHub API URL from <apiUrl> in the POM is not an http(s) URL: 'ghe.corp/api/v3'");
  }

  @Test
  void aServerUrlThatIsNotHttpIsIgnored() {
    assertThat(new ReleaseSettings(Map.of("GITHUB_SERVER_URL", "ghe.corp")).serverUrl()).isEmpty();
  }
}
