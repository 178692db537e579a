package dev.crossbuild.actions.generate;

import dev.crossbuild.actions.model.Permissions;
import dev.crossbuild.actions.model.Step;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a build job needs to use the registry cache: its token scopes and the login step. */
final class CacheLogin {
  static final String STEP_NAME = "Log in to the cache registry";

  private CacheLogin() {}

  /**
   * The build job's scopes: reading the repository, and with the job's {@code GITHUB_TOKEN} the
   * packages scope, {@code write} only for the job that pushes. Secrets of the user's need no
   * scope.
   */
  static Permissions permissions(RegistryCache cache, boolean push) {
    Map<String, String> scopes = new LinkedHashMap<>();
    scopes.put("contents", "read");
    if (cache.usesGitHubToken()) {
      scopes.put("packages", push ? "write" : "read");
    }
    return new Permissions(scopes);
  }

  /**
   * The login before the build, on Linux legs only: macOS and Windows legs build on the host,
   * without a container engine. Values reach the script only through {@code env:}.
   */
  static Step step(RegistryCache cache) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CROSS_CACHE_REGISTRY", cache.registry());
    env.put("CROSS_CACHE_USERNAME", cache.usernameValue());
    env.put("CROSS_CACHE_PASSWORD", cache.passwordValue());
    StringBuilder script = new StringBuilder();
    if (!cache.usesGitHubToken()) {
      // Pull requests from forks get no secrets; the cache never fails a build, so build without
      // it.
      script
          .append("if [ -z \"$CROSS_CACHE_PASSWORD\" ]; then\n")
          .append("  echo \"::warning::The secret ")
          .append(cache.passwordSecret())
          .append(
              " is empty (pull requests from forks get no secrets): building without the cache\"\n")
          .append("  exit 0\n")
          .append("fi\n");
    }
    script
        .append("printf '%s\\n' \"$CROSS_CACHE_PASSWORD\" | docker login \"$CROSS_CACHE_REGISTRY\"")
        .append(" --username \"$CROSS_CACHE_USERNAME\" --password-stdin\n");
    return Step.run(STEP_NAME, script.toString()).when("runner.os == 'Linux'").withEnv(env);
  }
}
