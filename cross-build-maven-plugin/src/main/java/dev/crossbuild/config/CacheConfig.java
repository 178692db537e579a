package dev.crossbuild.config;

/**
 * The checked {@code <cache>}: a registry repository that shares deps images between machines.
 *
 * @param repository where deps images live, e.g. {@code registry.corp:5000/team/cache}
 * @param registry the repository's registry, e.g. {@code registry.corp:5000}
 * @param push push every deps image built here
 * @param pull pull a deps image the local engine lacks
 * @param username the user name given in the POM, or null (credentials then come from {@code
 *     config.json})
 * @param passwordEnvironmentVariable the environment variable holding that user's password, or null
 * @param usernameSecret the GitHub secret the generated workflow takes the user name from, or null
 * @param passwordSecret the GitHub secret the generated workflow takes the password from, or null
 *     (the job's {@code GITHUB_TOKEN})
 */
public record CacheConfig(
    String repository,
    String registry,
    boolean push,
    boolean pull,
    String username,
    String passwordEnvironmentVariable,
    String usernameSecret,
    String passwordSecret) {

  /** The cache's tag for a deps image: {@code <repository>:<triple>-<deps key prefix>}. */
  public String reference(String triple, String keyPrefix) {
    return repository + ":" + triple + "-" + keyPrefix;
  }

  /** Whether the generated workflow logs in with the job's {@code GITHUB_TOKEN}. */
  public boolean usesGitHubToken() {
    return passwordSecret == null;
  }
}
