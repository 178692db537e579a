package dev.crossbuild.maven;

import dev.crossbuild.config.RawCache;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;

/**
 * {@code <cache>} in the POM: a registry repository that shares deps images between machines, e.g.
 * {@code <repository>registry.corp:5000/team/cache</repository>}. Every field can also be given as
 * a {@code -Dcross.cache.<field>} property, which wins over the POM.
 *
 * <ul>
 *   <li>{@code <repository>}: where deps images are pulled from and pushed to, as {@code
 *       <repository>:<triple>-<deps key>}. It must start with the registry's host name.
 *   <li>{@code <pull>} (default {@code true}): pull a deps image that is not in the local engine.
 *   <li>{@code <push>} (default {@code false}): push every deps image built here.
 *   <li>{@code <username>} and {@code <passwordEnvironmentVariable>}: credentials, instead of the
 *       docker CLI's {@code config.json}.
 *   <li>{@code <usernameSecret>} and {@code <passwordSecret>}: the GitHub secrets the generated
 *       workflow logs in with. Without them it logs in with the job's {@code GITHUB_TOKEN}, which
 *       suits the GitHub container registry.
 * </ul>
 */
public class CacheParameter {

  static final String PROPERTY_PREFIX = "cross.cache.";

  private String repository;
  private Boolean push;
  private Boolean pull;
  private String username;
  private String passwordEnvironmentVariable;
  private String usernameSecret;
  private String passwordSecret;

  /**
   * This parameter with the {@code -Dcross.cache.*} properties applied over it ({@code user} first,
   * then {@code system}); null when neither sets a repository or any other field.
   */
  static CacheParameter withProperties(CacheParameter pom, Properties user, Properties system) {
    CacheParameter c = new CacheParameter();
    if (pom != null) {
      c.repository = pom.repository;
      c.push = pom.push;
      c.pull = pom.pull;
      c.username = pom.username;
      c.passwordEnvironmentVariable = pom.passwordEnvironmentVariable;
      c.usernameSecret = pom.usernameSecret;
      c.passwordSecret = pom.passwordSecret;
    }
    Map<String, String> given = new java.util.LinkedHashMap<>();
    for (String field :
        new String[] {
          "repository",
          "push",
          "pull",
          "username",
          "passwordEnvironmentVariable",
          "usernameSecret",
          "passwordSecret"
        }) {
      String value = user == null ? null : user.getProperty(PROPERTY_PREFIX + field);
      if (value == null && system != null) {
        value = system.getProperty(PROPERTY_PREFIX + field);
      }
      if (value != null) {
        given.put(field, value);
      }
    }
    given.forEach(
        (field, value) -> {
          switch (field) {
            case "repository" -> c.repository = value;
            case "push" -> c.push = bool(value);
            case "pull" -> c.pull = bool(value);
            case "username" -> c.username = value;
            case "passwordEnvironmentVariable" -> c.passwordEnvironmentVariable = value;
            case "usernameSecret" -> c.usernameSecret = value;
            default -> c.passwordSecret = value;
          }
        });
    boolean any =
        c.repository != null
            || c.push != null
            || c.pull != null
            || c.username != null
            || c.passwordEnvironmentVariable != null
            || c.usernameSecret != null
            || c.passwordSecret != null;
    return any ? c : null;
  }

  /**
   * {@code <cache>} with the session's {@code -Dcross.cache.*} properties applied, as the config
   * layer takes it; null when nothing sets it. Without a session (unit tests) the JVM's system
   * properties are read.
   */
  static RawCache raw(CacheParameter pom, MavenSession session) {
    CacheParameter c =
        withProperties(
            pom,
            session == null ? null : session.getUserProperties(),
            session == null ? System.getProperties() : session.getSystemProperties());
    return c == null
        ? null
        : new RawCache(
            c.repository,
            c.push,
            c.pull,
            c.username,
            c.passwordEnvironmentVariable,
            c.usernameSecret,
            c.passwordSecret);
  }

  private static Boolean bool(String value) {
    // -Dcross.cache.push alone means true, as Maven's own boolean properties do.
    return value.isBlank() || Boolean.parseBoolean(value.strip());
  }

  public String getRepository() {
    return repository;
  }

  public void setRepository(String repository) {
    this.repository = repository;
  }

  public Boolean getPush() {
    return push;
  }

  public void setPush(Boolean push) {
    this.push = push;
  }

  public Boolean getPull() {
    return pull;
  }

  public void setPull(Boolean pull) {
    this.pull = pull;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPasswordEnvironmentVariable() {
    return passwordEnvironmentVariable;
  }

  public void setPasswordEnvironmentVariable(String passwordEnvironmentVariable) {
    this.passwordEnvironmentVariable = passwordEnvironmentVariable;
  }

  public String getUsernameSecret() {
    return usernameSecret;
  }

  public void setUsernameSecret(String usernameSecret) {
    this.usernameSecret = usernameSecret;
  }

  public String getPasswordSecret() {
    return passwordSecret;
  }

  public void setPasswordSecret(String passwordSecret) {
    this.passwordSecret = passwordSecret;
  }
}
