package dev.crossbuild.maven;

import dev.crossbuild.git.GitHubRepository;
import dev.crossbuild.git.ReleaseTag;
import dev.crossbuild.release.InvalidReleaseSettingException;
import dev.crossbuild.release.ReleaseRequest;
import dev.crossbuild.release.ReleaseSettings;
import dev.crossbuild.release.RetryPolicy;
import dev.crossbuild.release.Setting;
import dev.crossbuild.release.SettingSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one place that maps {@code cross:release}'s parameters to the release's settings and request:
 * the API URL and the repository with where each came from, the token, the retry policy, and the
 * {@link ReleaseRequest} once git names the tag.
 */
final class ReleaseRequests {
  private final Properties user;
  private final Properties system;
  private final Properties pom;

  /**
   * @param user the session's user properties ({@code -D}), or null
   * @param system the session's system properties, the environment among them as {@code env.NAME}
   *     (the {@code mvn} launcher puts it there), or null
   * @param pom the project's properties, or null
   */
  ReleaseRequests(Properties user, Properties system, Properties pom) {
    this.user = user;
    this.system = system;
    this.pom = pom;
  }

  /**
   * The release these parameters ask for. {@code <retries>} is checked first, then the API URL,
   * then the repository, each configured value winning over the runner's variables.
   *
   * @param tag {@code <tag>}, or null
   * @param repository {@code <repository>}, or null
   * @param apiUrl {@code <apiUrl>}, or null
   * @param tokenVariable {@code <tokenVariable>}: the environment variable holding the token
   * @param retries {@code <retries>}: tries after the first
   * @throws InvalidParameterException naming the parameter that cannot work
   */
  Prepared from(
      String tag,
      String repository,
      String apiUrl,
      String tokenVariable,
      Path artifactsDirectory,
      boolean dryRun,
      boolean draftOnly,
      int retries) {
    if (retries < 0) {
      throw new InvalidParameterException(
          Parameter.RETRIES,
          "<retries> / -Dcross.release.retries must be 0 or more: "
              + retries
              + ". Use 0 to fail at the first error.",
          null);
    }
    Map<String, String> environment = environment();
    ReleaseSettings settings = new ReleaseSettings(environment);
    Setting<String> api;
    try {
      api = settings.apiUrl(configured("apiUrl", "cross.release.apiUrl", apiUrl));
    } catch (InvalidReleaseSettingException e) {
      throw new InvalidParameterException(Parameter.API_URL, e.getMessage(), e);
    }
    Optional<Setting<GitHubRepository>> givenRepository;
    try {
      givenRepository =
          settings.repository(configured("repository", "cross.release.repository", repository));
    } catch (InvalidReleaseSettingException e) {
      throw new InvalidParameterException(Parameter.REPOSITORY, e.getMessage(), e);
    }
    RetryPolicy retryPolicy =
        new RetryPolicy(
            retries + 1,
            RetryPolicy.DEFAULT.initialDelay(),
            RetryPolicy.DEFAULT.maxDelay(),
            RetryPolicy.DEFAULT.sleeper());
    return new Prepared(
        tag,
        api,
        givenRepository,
        settings.serverUrl(),
        tokenVariable,
        environment.get(tokenVariable),
        retryPolicy,
        artifactsDirectory,
        dryRun,
        draftOnly);
  }

  /**
   * A release as the parameters ask for it, before git is read.
   *
   * @param tag {@code <tag>} as given, or null: the tag at HEAD
   * @param apiUrl the API URL with its source
   * @param repository the configured or the runner's repository; empty when the git remote names it
   * @param serverUrl the runner's {@code GITHUB_SERVER_URL}, to name its API URL in errors
   * @param tokenVariable the environment variable holding the token
   * @param token its value, or null when it is not set
   */
  record Prepared(
      String tag,
      Setting<String> apiUrl,
      Optional<Setting<GitHubRepository>> repository,
      Optional<String> serverUrl,
      String tokenVariable,
      String token,
      RetryPolicy retryPolicy,
      Path artifactsDirectory,
      boolean dryRun,
      boolean draftOnly) {

    /** Whether {@code <tag>} names the tag, rather than HEAD's tag being released. */
    boolean tagGiven() {
      return !isBlank(tag);
    }

    /** What the releaser is asked to do for this tag. */
    ReleaseRequest request(ReleaseTag releaseTag) {
      return new ReleaseRequest(releaseTag, artifactsDirectory, dryRun, draftOnly);
    }
  }

  /** The parameter a {@link InvalidParameterException} is about. */
  enum Parameter {
    RETRIES,
    API_URL,
    REPOSITORY
  }

  /**
   * A parameter that cannot work. For the API URL and the repository the cause is the setting's own
   * exception, which says where the value came from.
   */
  static final class InvalidParameterException extends RuntimeException {
    private final Parameter parameter;

    InvalidParameterException(
        Parameter parameter, String message, InvalidReleaseSettingException cause) {
      super(message, cause);
      this.parameter = parameter;
    }

    Parameter parameter() {
      return parameter;
    }

    /** The API URL's or the repository's problem; null for {@link Parameter#RETRIES}. */
    InvalidReleaseSettingException setting() {
      return (InvalidReleaseSettingException) getCause();
    }
  }

  /**
   * A parameter's value with its source, or {@code null} when it is not set. Maven lets the POM's
   * element win over the property, so a value equal to the property's came from the property.
   */
  private Setting<String> configured(String element, String property, String value) {
    if (isBlank(value)) {
      return null;
    }
    String trimmed = value.trim();
    SettingSource source;
    if (isProperty(user, property, trimmed) || isProperty(system, property, trimmed)) {
      source = SettingSource.property(property);
    } else if (isProperty(pom, property, trimmed)) {
      source = SettingSource.pomProperty(property);
    } else {
      source = SettingSource.pom(element);
    }
    return new Setting<>(trimmed, source);
  }

  /**
   * The environment as Maven hands it to plugins: {@code env.NAME} entries of the system
   * properties, which the {@code mvn} launcher fills from the process environment.
   */
  private Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    if (system != null) {
      system.forEach(
          (key, value) -> {
            String name = String.valueOf(key);
            if (name.startsWith("env.") && value != null) {
              environment.put(name.substring("env.".length()), String.valueOf(value));
            }
          });
    }
    return environment;
  }

  private static boolean isProperty(Properties properties, String name, String value) {
    String set = properties == null ? null : properties.getProperty(name);
    return set != null && set.trim().equals(value);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
