package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.git.GitHubRepository;
import dev.crossbuild.git.ReleaseTag;
import dev.crossbuild.release.InvalidReleaseSettingException;
import dev.crossbuild.release.ReleaseRequest;
import dev.crossbuild.release.Setting;
import dev.crossbuild.release.SettingSource;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code cross:release}'s parameters as the release takes them, with where each came from. */
class ReleaseRequestsTest {
  private static final Path ARTIFACTS = Path.of("/work/widget/target/cross");

  private final Properties user = new Properties();
  private final Properties system = new Properties();
  private final Properties pom = new Properties();

  @Test
  void withNothingConfiguredTheRunnersVariablesAndTheDefaultsCount() {
    system.setProperty("env.GITHUB_TOKEN", "t0k3n");
    system.setProperty("env.GITHUB_REPOSITORY", "acme/widget");
    system.setProperty("env.GITHUB_SERVER_URL", "https://ghe.corp/");

    ReleaseRequests.Prepared release = prepare(null, null, null, 4);

    assertThat(release.apiUrl())
        .isEqualTo(new Setting<>("https://api.github.com", SettingSource.byDefault()));
    assertThat(release.repository())
        .contains(
            new Setting<>(
                GitHubRepository.parse("acme/widget"),
                SettingSource.environment("GITHUB_REPOSITORY")));
    assertThat(release.serverUrl()).contains("https://ghe.corp");
    assertThat(release.tokenVariable()).isEqualTo("GITHUB_TOKEN");
    assertThat(release.token()).isEqualTo("t0k3n");
    assertThat(release.retryPolicy().maxAttempts()).isEqualTo(5);
    assertThat(release.tagGiven()).isFalse();
  }

  @Test
  void aConfiguredValueNamesThePropertyThePomPropertyOrTheElementItCameFrom() {
    user.setProperty("cross.release.apiUrl", " https://ghe.corp/api/v3 ");
    pom.setProperty("cross.release.repository", "acme/widget");

    ReleaseRequests.Prepared fromProperties =
        prepare("https://ghe.corp/api/v3", "acme/widget", null, 0);
    ReleaseRequests.Prepared fromElements =
        prepare("https://other.corp/api/v3", "acme/other", null, 0);

    assertThat(fromProperties.apiUrl().source())
        .isEqualTo(SettingSource.property("cross.release.apiUrl"));
    assertThat(fromProperties.repository().orElseThrow().source())
        .isEqualTo(SettingSource.pomProperty("cross.release.repository"));
    assertThat(fromElements.apiUrl().source()).isEqualTo(SettingSource.pom("apiUrl"));
    assertThat(fromElements.repository().orElseThrow().source())
        .isEqualTo(SettingSource.pom("repository"));
    assertThat(fromProperties.retryPolicy().maxAttempts()).isEqualTo(1);
  }

  @Test
  void theRequestCarriesTheTagTheDirectoryAndTheModes() {
    ReleaseRequests.Prepared release =
        new ReleaseRequests(user, system, pom)
            .from("v1.2.3", null, null, "MY_TOKEN", ARTIFACTS, true, true, 2);
    ReleaseTag tag = new ReleaseTag("v1.2.3", null);

    assertThat(release.tagGiven()).isTrue();
    assertThat(release.token()).isNull();
    assertThat(release.request(tag)).isEqualTo(new ReleaseRequest(tag, ARTIFACTS, true, true));
  }

  @Test
  void negativeRetriesFailBeforeAnySettingIsRead() {
    system.setProperty("env.GITHUB_API_URL", "not a url");

    assertThatThrownBy(() -> prepare(null, null, null, -1))
        .isInstanceOfSatisfying(
            ReleaseRequests.InvalidParameterException.class,
            e -> {
              assertThat(e.parameter()).isEqualTo(ReleaseRequests.Parameter.RETRIES);
              assertThat(e.setting()).isNull();
            })
        .hasMessage(
            "<retries> / -Dcross.release.retries must be 0 or more: -1. Use 0 to fail at the first error.");
  }

  @Test
  void aBadApiUrlAndABadRepositoryAreToldApartWithTheSettingsOwnProblem() {
    system.setProperty("env.GITHUB_REPOSITORY", "zdemo");

    assertThatThrownBy(() -> prepare("ghe.corp/api/v3", null, null, 4))
        .isInstanceOfSatisfying(
            ReleaseRequests.InvalidParameterException.class,
            e -> {
              assertThat(e.parameter()).isEqualTo(ReleaseRequests.Parameter.API_URL);
              assertThat(e.setting())
                  .isInstanceOf(InvalidReleaseSettingException.class)
                  .hasMessage(
                      "The GitHub API URL from <apiUrl> in the POM is not an http(s) URL:"
                          + " 'ghe.corp/api/v3'");
            });
    assertThatThrownBy(() -> prepare(null, null, null, 4))
        .isInstanceOfSatisfying(
            ReleaseRequests.InvalidParameterException.class,
            e -> {
              assertThat(e.parameter()).isEqualTo(ReleaseRequests.Parameter.REPOSITORY);
              assertThat(e.setting().source())
                  .isEqualTo(SettingSource.environment("GITHUB_REPOSITORY"));
            });
  }

  private ReleaseRequests.Prepared prepare(
      String apiUrl, String repository, String tag, int retries) {
    return new ReleaseRequests(user, system, pom)
        .from(tag, repository, apiUrl, "GITHUB_TOKEN", ARTIFACTS, false, false, retries);
  }
}
