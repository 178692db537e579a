package dev.crossbuild.release;

import dev.crossbuild.git.GitHubRepository;
import dev.crossbuild.git.InvalidRepositoryNameException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * The API URL and the repository of a release, each with its source. What is configured wins; then
 * the variables every GitHub Actions runner sets, so a job on GitHub Enterprise Server talks to its
 * own server; then the public API, and for the repository the git remote (read by the caller).
 */
public final class ReleaseSettings {

  public static final String DEFAULT_API_URL = "https://api.github.com";
  public static final String API_URL_VARIABLE = "GITHUB_API_URL";
  public static final String REPOSITORY_VARIABLE = "GITHUB_REPOSITORY";
  public static final String SERVER_URL_VARIABLE = "GITHUB_SERVER_URL";

  private final Map<String, String> environment;

  /**
   * @param environment the process environment, {@code System.getenv()} outside tests
   */
  public ReleaseSettings(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * The configured API URL, else {@value #API_URL_VARIABLE}, else {@value #DEFAULT_API_URL}.
   *
   * @param configured the POM's or a property's value, or {@code null} when neither sets one
   * @throws InvalidReleaseSettingException when the chosen value is not an http(s) URL with a host
   */
  public Setting<String> apiUrl(Setting<String> configured) {
    Setting<String> chosen =
        configured != null
            ? configured
            : fromEnvironment(API_URL_VARIABLE)
                .orElseGet(() -> new Setting<>(DEFAULT_API_URL, SettingSource.byDefault()));
    if (!isHttpUrl(chosen.value())) {
      throw new InvalidReleaseSettingException(
          "The GitHub API URL",
          "an http(s) URL",
          GitHubRepository.withoutCredentials(chosen.value()),
          chosen.source());
    }
    return chosen;
  }

  /**
   * The configured repository, else {@value #REPOSITORY_VARIABLE}; empty when neither gives one,
   * and the caller reads it from the git remote.
   *
   * @param configured the POM's or a property's value, or {@code null} when neither sets one
   * @throws InvalidReleaseSettingException when the chosen value is not {@code owner/name}
   */
  public Optional<Setting<GitHubRepository>> repository(Setting<String> configured) {
    Optional<Setting<String>> chosen =
        configured != null ? Optional.of(configured) : fromEnvironment(REPOSITORY_VARIABLE);
    return chosen.map(
        setting -> {
          try {
            return new Setting<>(GitHubRepository.parse(setting.value()), setting.source());
          } catch (InvalidRepositoryNameException e) {
            throw new InvalidReleaseSettingException(
                "The GitHub repository",
                "of the form owner/name",
                setting.value(),
                setting.source());
          }
        });
  }

  /** {@value #SERVER_URL_VARIABLE} without a trailing slash, when it is an http(s) URL. */
  public Optional<String> serverUrl() {
    return fromEnvironment(SERVER_URL_VARIABLE)
        .map(Setting::value)
        .filter(ReleaseSettings::isHttpUrl)
        .map(url -> url.replaceFirst("/+$", ""));
  }

  private Optional<Setting<String>> fromEnvironment(String variable) {
    String value = environment.get(variable);
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(new Setting<>(value.trim(), SettingSource.environment(variable)));
  }

  static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      return uri.getScheme() != null
          && uri.getHost() != null
          && (uri.getScheme().equalsIgnoreCase("https")
              || uri.getScheme().equalsIgnoreCase("http"));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
