package dev.crossbuild.release;

import java.util.Objects;

/**
 * Where a release setting's value came from, so that logs and errors can say it.
 *
 * @param kind the kind of source
 * @param label what names it in messages: {@code <apiUrl>}, {@code cross.release.apiUrl}, {@code
 *     GITHUB_API_URL}, {@code origin}; {@code null} for the default
 */
public record SettingSource(Kind kind, String label) {

  /** The kinds of source, in no particular order of precedence. */
  public enum Kind {
    POM,
    PROPERTY,
    ENVIRONMENT,
    GIT_REMOTE,
    DEFAULT
  }

  public SettingSource {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.DEFAULT) {
      Objects.requireNonNull(label, "label");
    }
  }

  /** A parameter element in the plugin's {@code <configuration>}, e.g. {@code apiUrl}. */
  public static SettingSource pom(String element) {
    return new SettingSource(Kind.POM, "<" + element + ">");
  }

  /** A property set in the POM's {@code <properties>}, e.g. {@code cross.release.apiUrl}. */
  public static SettingSource pomProperty(String property) {
    return new SettingSource(Kind.POM, "the property " + property);
  }

  /** A user or system property, {@code -Dname=value}. */
  public static SettingSource property(String property) {
    return new SettingSource(Kind.PROPERTY, property);
  }

  public static SettingSource environment(String variable) {
    return new SettingSource(Kind.ENVIRONMENT, variable);
  }

  public static SettingSource gitRemote(String remote) {
    return new SettingSource(Kind.GIT_REMOTE, remote);
  }

  public static SettingSource byDefault() {
    return new SettingSource(Kind.DEFAULT, null);
  }

  /**
   * Reads after a value: {@code https://ghe.corp/api/v3 (from the environment variable
   * GITHUB_API_URL)}.
   */
  @Override
  public String toString() {
    return switch (kind) {
      case POM -> "from " + label + " in the POM";
      case PROPERTY -> "from -D" + label;
      case ENVIRONMENT -> "from the environment variable " + label;
      case GIT_REMOTE -> "from the git remote '" + label + "'";
      case DEFAULT -> "the default";
    };
  }
}
