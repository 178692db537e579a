package dev.crossbuild.stage;

import dev.crossbuild.config.CacheConfig;
import dev.crossbuild.engine.DockerCredentials;
import dev.crossbuild.engine.RegistryAuth;
import java.util.Map;

/**
 * The cache registry's credentials, looked up once per build: {@code <cache><username>} with the
 * password from {@code <passwordEnvironmentVariable>} when that variable is set, else the docker
 * CLI's {@code config.json}.
 */
public final class CacheCredentials {

  private final CacheConfig cache;
  private final Map<String, String> env;
  private DockerCredentials.Lookup lookup;

  public CacheCredentials(CacheConfig cache, Map<String, String> env) {
    this.cache = cache;
    this.env = Map.copyOf(env);
  }

  /** The credentials (null when none were found) and where they were looked up. */
  synchronized DockerCredentials.Lookup get() {
    if (lookup == null) {
      lookup = find();
    }
    return lookup;
  }

  private DockerCredentials.Lookup find() {
    String unset = "";
    if (cache.username() != null) {
      String variable = cache.passwordEnvironmentVariable();
      String where =
          "<cache><username> '" + cache.username() + "' with the password in $" + variable;
      String password = env.get(variable);
      if (password != null && !password.isEmpty()) {
        return new DockerCredentials.Lookup(
            new RegistryAuth(cache.registry(), cache.username(), password, false, where), where);
      }
      // E.g. in the generated workflow, which logs in with `docker login` instead.
      unset = where + " (not set), then ";
    }
    DockerCredentials.Lookup cli = DockerCredentials.of(env).lookup(cache.registry());
    return new DockerCredentials.Lookup(cli.auth(), unset + cli.where());
  }
}
