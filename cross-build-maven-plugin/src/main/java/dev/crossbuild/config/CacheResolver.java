package dev.crossbuild.config;

import java.util.List;
import java.util.regex.Pattern;

/** Checks {@code <cache>}; problems join the others. */
public final class CacheResolver {

  /** {@code host[:port]/path}, lower case, without a tag: the docker CLI's repository grammar. */
  private static final Pattern REPOSITORY =
      Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)+");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private CacheResolver() {}

  /**
   * @return the cache, or null when {@code raw} is null or sets nothing
   */
  public static CacheConfig resolve(RawCache raw, List<ConfigProblem> problems) {
    if (raw == null) {
      return null;
    }
    String repository = blankToNull(raw.repository());
    String username = blankToNull(raw.username());
    String passwordVariable = blankToNull(raw.passwordEnvironmentVariable());
    String usernameSecret = blankToNull(raw.usernameSecret());
    String passwordSecret = blankToNull(raw.passwordSecret());
    if (repository == null) {
      if (raw.push() != null
          || raw.pull() != null
          || username != null
          || passwordVariable != null
          || usernameSecret != null
          || passwordSecret != null) {
        problems.add(new ConfigProblem.Missing(ConfigKey.CACHE_REPOSITORY));
      }
      return null;
    }
    int before = problems.size();
    String registry = null;
    if (!REPOSITORY.matcher(repository).matches()) {
      problems.add(new ConfigProblem.Malformed(ConfigKey.CACHE_REPOSITORY, repository, null, null));
    } else {
      registry = repository.substring(0, repository.indexOf('/'));
      if (!registry.contains(".") && !registry.contains(":") && !registry.equals("localhost")) {
        problems.add(new ConfigProblem.NoRegistryHost(repository, registry));
      }
    }
    if ((username == null) != (passwordVariable == null)) {
      problems.add(
          username == null
              ? new ConfigProblem.Needs(
                  ConfigKey.CACHE_PASSWORD_VARIABLE, passwordVariable, ConfigKey.CACHE_USERNAME)
              : new ConfigProblem.Needs(
                  ConfigKey.CACHE_USERNAME, username, ConfigKey.CACHE_PASSWORD_VARIABLE));
    }
    name(passwordVariable, ConfigKey.CACHE_PASSWORD_VARIABLE, problems);
    name(usernameSecret, ConfigKey.CACHE_USERNAME_SECRET, problems);
    name(passwordSecret, ConfigKey.CACHE_PASSWORD_SECRET, problems);
    if (passwordSecret != null && usernameSecret == null && username == null) {
      problems.add(
          new ConfigProblem.Needs(
              ConfigKey.CACHE_PASSWORD_SECRET, passwordSecret, ConfigKey.CACHE_USERNAME_SECRET));
    }
    if (usernameSecret != null && passwordSecret == null) {
      problems.add(
          new ConfigProblem.Needs(
              ConfigKey.CACHE_USERNAME_SECRET, usernameSecret, ConfigKey.CACHE_PASSWORD_SECRET));
    }
    if (problems.size() > before) {
      return null;
    }
    return new CacheConfig(
        repository,
        registry,
        Boolean.TRUE.equals(raw.push()),
        !Boolean.FALSE.equals(raw.pull()),
        username,
        passwordVariable,
        usernameSecret,
        passwordSecret);
  }

  /** A variable or secret name: letters, digits and underscores, not GitHub's own. */
  private static void name(String value, ConfigKey key, List<ConfigProblem> problems) {
    if (value != null && (!NAME.matcher(value).matches() || value.startsWith("GITHUB_"))) {
      problems.add(new ConfigProblem.Malformed(key, value, null, null));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
