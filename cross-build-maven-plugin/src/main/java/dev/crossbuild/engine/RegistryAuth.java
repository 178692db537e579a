package dev.crossbuild.engine;

/**
 * Credentials for one registry, as the engine forwards them on a pull or push. The secret never
 * appears in {@link #toString()} or in any message.
 *
 * @param registry the registry host, e.g. {@code registry.corp:5000}
 * @param username the user name, or null with an identity token
 * @param secret the password or token
 * @param identityToken whether {@code secret} is an identity (refresh) token rather than a password
 * @param source where the credentials were found, for messages: e.g. {@code
 *     /home/me/.docker/config.json (auths)} or {@code <cache><username> with $CACHE_PASSWORD}
 */
public record RegistryAuth(
    String registry, String username, String secret, boolean identityToken, String source) {

  @Override
  public String toString() {
    return "RegistryAuth[registry="
        + registry
        + ", username="
        + username
        + ", source="
        + source
        + "]";
  }
}
