package dev.crossbuild.stage;

import dev.crossbuild.config.CacheConfig;
import dev.crossbuild.engine.DockerCredentials;
import dev.crossbuild.engine.RegistryAuth;
import java.util.Map;

/**
 * The cache registry's credentials, looked up once per build: {@code <cache><username>} with the
 * password from {@code <passwordEnvironmentVariable>}, else the docker CLI's {@code config.json}.
 */
final class CacheCredentials {

  private final CacheConfig cache;
  private final Map<String, String> env;
  private DockerCredentials.Lookup lookup;

  CacheCredentials(CacheConfig cache, Map<String, String> env) {
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
    if (cache.username() != null) {
      String variable = cache.passwordEnvironmentVariable();
      String where = "<cache><username> '" + cache.username() + "' with the password in $" + variable;
      String password = env.get(variable);
      if (password == null || password.isEmpty()) {
        return new DockerCredentials.Lookup(null, where + ", which is not set");
      }
      return new DockerCredentials.Lookup(new RegistryAuth(cache.registry(), cache.username(), password, false,
          where), where);
    }
    return DockerCredentials.of(env).lookup(cache.registry());
  }
}
