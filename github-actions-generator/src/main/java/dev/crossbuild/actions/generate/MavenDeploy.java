package dev.crossbuild.actions.generate;

import java.util.Objects;

/**
 * What the {@code deploy} job needs to run {@code mvn deploy} on a release tag: the {@code
 * <server>} id setup-java writes into {@code settings.xml}, and the repository secrets its user
 * name and password come from. The secrets reach Maven only through the {@code MAVEN_USERNAME} and
 * {@code MAVEN_PASSWORD} environment variables of the deploy step, which {@code settings.xml}
 * names.
 *
 * @param serverId the {@code <server><id>}; it must match the id of the repository the project
 *     deploys to ({@code <distributionManagement><repository><id>}, or the publishing plugin's
 *     server id). Blank gives {@link #DEFAULT_SERVER_ID}
 * @param usernameSecret the secret holding the repository user name (or token name)
 * @param passwordSecret the secret holding the repository password (or token)
 */
public record MavenDeploy(String serverId, String usernameSecret, String passwordSecret) {
  /** The server id Sonatype's Central Portal documents for its publishing plugin. */
  public static final String DEFAULT_SERVER_ID = "central";

  /** The variables setup-java's {@code server-username} and {@code server-password} name. */
  static final String USERNAME_VARIABLE = "MAVEN_USERNAME";

  static final String PASSWORD_VARIABLE = "MAVEN_PASSWORD";

  public MavenDeploy {
    serverId = serverId == null || serverId.isBlank() ? DEFAULT_SERVER_ID : serverId.strip();
    Objects.requireNonNull(usernameSecret, "usernameSecret");
    Objects.requireNonNull(passwordSecret, "passwordSecret");
  }
}
