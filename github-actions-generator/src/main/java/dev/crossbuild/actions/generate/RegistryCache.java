package dev.crossbuild.actions.generate;

import java.util.Objects;

/**
 * The registry the build shares deps images through, as far as the workflow's login needs it. With
 * a cache, pushes build in a job that may push to it and every other event in one that only pulls.
 *
 * @param registry the registry host, with an optional port, e.g. {@code registry.example.com:5000}
 * @param username the user name written into the workflow, or null
 * @param usernameSecret the secret holding the user name, or null; with neither, the run's actor
 *     ({@code github.actor}) logs in, which is what the job's {@code GITHUB_TOKEN} expects
 * @param passwordSecret the secret holding the password, or null to log in with the job's {@code
 *     GITHUB_TOKEN} (the jobs then get the {@code packages} scope)
 */
public record RegistryCache(
    String registry, String username, String usernameSecret, String passwordSecret) {
  public RegistryCache {
    Objects.requireNonNull(registry, "registry");
  }

  /** A cache logged in to with the job's {@code GITHUB_TOKEN} as the run's actor. */
  public static RegistryCache withGitHubToken(String registry) {
    return new RegistryCache(registry, null, null, null);
  }

  /** Whether the login uses the job's {@code GITHUB_TOKEN} rather than a secret of the user's. */
  public boolean usesGitHubToken() {
    return passwordSecret == null;
  }

  /** The {@code env:} value the login's user name comes from. */
  String usernameValue() {
    if (usernameSecret != null) {
      return "${{ secrets." + usernameSecret + " }}";
    }
    return username != null ? username : "${{ github.actor }}";
  }

  /** The {@code env:} value the login's password comes from. */
  String passwordValue() {
    return "${{ secrets." + (usesGitHubToken() ? "GITHUB_TOKEN" : passwordSecret) + " }}";
  }
}
