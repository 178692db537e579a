package dev.crossbuild.config;

import java.util.List;
import java.util.regex.Pattern;

/** Checks {@code <cache>}; problems join the others. */
public final class CacheResolver {

  /** {@code host[:port]/path}, lower case, without a tag: the docker CLI's repository grammar. */
  private static final Pattern REPOSITORY =
      Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)+");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String EXAMPLE =
      "<cache><repository>registry.example.com/team/cache</repository></cache>";

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
        problems.add(
            new ConfigProblem(
                "<cache><repository>",
                "cross.cache.repository",
                null,
                "<cache> is set but"
                    + " has no <repository> (-Dcross.cache.repository). Name the registry repository deps images are"
                    + " shared through, e.g. "
                    + EXAMPLE
                    + "."));
      }
      return null;
    }
    int before = problems.size();
    String registry = null;
    if (!REPOSITORY.matcher(repository).matches()) {
      problems.add(
          new ConfigProblem(
              "<cache><repository>",
              "cross.cache.repository",
              repository,
              "'"
                  + repository
                  + "' in <cache><repository> (-Dcross.cache.repository) is not an image repository: write the registry"
                  + " host, an optional port and a lower-case path, without a tag, e.g. "
                  + EXAMPLE
                  + "."));
    } else {
      registry = repository.substring(0, repository.indexOf('/'));
      if (!registry.contains(".") && !registry.contains(":") && !registry.equals("localhost")) {
        problems.add(
            new ConfigProblem(
                "<cache><repository>",
                "cross.cache.repository",
                repository,
                "'"
                    + repository
                    + "' in <cache><repository> (-Dcross.cache.repository) does not start with a registry"
                    + " host ('"
                    + registry
                    + "' has no dot or port). Start it with the registry's host name, e.g. "
                    + EXAMPLE
                    + "."));
      }
    }
    if ((username == null) != (passwordVariable == null)) {
      problems.add(
          new ConfigProblem(
              username == null ? "<cache><username>" : "<cache><passwordEnvironmentVariable>",
              username == null ? "cross.cache.username" : "cross.cache.passwordEnvironmentVariable",
              username == null ? passwordVariable : username,
              "<cache> needs both <username> and"
                  + " <passwordEnvironmentVariable> (-Dcross.cache.username, -Dcross.cache.passwordEnvironmentVariable),"
                  + " or neither to use the docker CLI's config.json. Set the missing one."));
    }
    name(
        passwordVariable,
        "passwordEnvironmentVariable",
        "an environment variable",
        "CACHE_PASSWORD",
        problems);
    name(usernameSecret, "usernameSecret", "a GitHub secret", "CACHE_USERNAME", problems);
    name(passwordSecret, "passwordSecret", "a GitHub secret", "CACHE_PASSWORD", problems);
    if (passwordSecret != null && usernameSecret == null && username == null) {
      problems.add(
          new ConfigProblem(
              "<cache><passwordSecret>",
              "cross.cache.passwordSecret",
              passwordSecret,
              "<cache><passwordSecret> '"
                  + passwordSecret
                  + "' needs a user name for the workflow's login: set"
                  + " <usernameSecret> (the secret holding it) or <username>."));
    }
    if (usernameSecret != null && passwordSecret == null) {
      problems.add(
          new ConfigProblem(
              "<cache><usernameSecret>",
              "cross.cache.usernameSecret",
              usernameSecret,
              "<cache><usernameSecret> '"
                  + usernameSecret
                  + "' needs <passwordSecret>, the secret holding the"
                  + " password; without both the workflow logs in with the job's GITHUB_TOKEN."));
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

  private static void name(
      String value, String field, String what, String example, List<ConfigProblem> problems) {
    if (value != null && (!NAME.matcher(value).matches() || value.startsWith("GITHUB_"))) {
      problems.add(
          new ConfigProblem(
              "<cache><" + field + ">",
              "cross.cache." + field,
              value,
              "'"
                  + value
                  + "' in <cache><"
                  + field
                  + "> (-Dcross.cache."
                  + field
                  + ") is not usable as "
                  + what
                  + " name: use"
                  + " letters, digits and underscores, not starting with GITHUB_, e.g. "
                  + example
                  + "."));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
