package dev.crossbuild.maven;

import dev.crossbuild.git.GitHubRepository;
import dev.crossbuild.release.GitHubUnreachableException;
import dev.crossbuild.release.InvalidReleaseSettingException;
import dev.crossbuild.release.ReleaseSettings;
import dev.crossbuild.release.Setting;
import dev.crossbuild.release.SettingSource;
import java.net.URI;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * What {@code cross:release} says when a setting cannot work or GitHub cannot be reached, in POM
 * terms.
 */
final class ReleaseErrors {

  private static final String API_URL_PARAMETER = "<apiUrl> / -Dcross.release.apiUrl";
  private static final String REPOSITORY_PARAMETER = "<repository> / -Dcross.release.repository";

  private ReleaseErrors() {}

  static MojoFailureException invalidApiUrl(InvalidReleaseSettingException e) {
    return new MojoFailureException(
        e.getMessage()
            + ". Use https://api.github.com, or https://HOST/api/v3 for"
            + " GitHub Enterprise Server, "
            + where(e.source(), API_URL_PARAMETER, ReleaseSettings.API_URL_VARIABLE),
        e);
  }

  static MojoFailureException invalidRepository(InvalidReleaseSettingException e) {
    return new MojoFailureException(
        e.getMessage()
            + ". Use owner/name, e.g. acme/widget, "
            + where(e.source(), REPOSITORY_PARAMETER, ReleaseSettings.REPOSITORY_VARIABLE),
        e);
  }

  private static String where(SettingSource source, String parameter, String variable) {
    return source.kind() == SettingSource.Kind.ENVIRONMENT
        ? "in " + variable + " or in " + parameter + ", which win over it."
        : "in " + parameter + ".";
  }

  /**
   * Names the host that did not answer and why, where the API URL came from, and what to check.
   *
   * @param serverUrl the runner's {@code GITHUB_SERVER_URL}, to name its API URL
   */
  static MojoExecutionException unreachable(
      GitHubUnreachableException e, Setting<String> apiUrl, Optional<String> serverUrl) {
    String api = GitHubRepository.withoutCredentials(apiUrl.value());
    String host = e.host() + ":" + e.port();
    StringBuilder message = new StringBuilder(e.getMessage()).append(". ");
    boolean apiHost = isApiHost(e, apiUrl.value());
    if (apiHost) {
      message.append("The API URL ").append(api).append(" is ").append(apiUrl.source());
      if (apiUrl.source().kind() == SettingSource.Kind.DEFAULT) {
        message
            .append(" (neither ")
            .append(API_URL_PARAMETER)
            .append(" nor ")
            .append(ReleaseSettings.API_URL_VARIABLE)
            .append(" is set)");
      }
      message.append(". ");
    } else {
      message
          .append(host)
          .append(" is an upload or download address that GitHub named, not the API URL ")
          .append(api)
          .append(" (")
          .append(apiUrl.source())
          .append("). ");
    }
    String proxy =
        "http".equalsIgnoreCase(URI.create(apiUrl.value()).getScheme()) ? "http" : "https";
    message
        .append(check(e))
        .append(" If a proxy is needed, give it to Java, e.g. -D")
        .append(proxy)
        .append(".proxyHost=proxy.corp -D")
        .append(proxy)
        .append(".proxyPort=3128.");
    if (apiHost) {
      message.append(" For GitHub Enterprise Server the API URL is https://HOST/api/v3");
      serverUrl
          .filter(url -> !isGitHubCom(url))
          .ifPresent(
              url ->
                  message
                      .append(" (this runner's ")
                      .append(ReleaseSettings.SERVER_URL_VARIABLE)
                      .append(" is ")
                      .append(url)
                      .append(", so ")
                      .append(url)
                      .append("/api/v3)"));
      message.append(
          switch (apiUrl.source().kind()) {
            case ENVIRONMENT ->
                "; " + API_URL_PARAMETER + " win over " + ReleaseSettings.API_URL_VARIABLE + ".";
            case DEFAULT ->
                "; set it with "
                    + API_URL_PARAMETER
                    + ", or "
                    + ReleaseSettings.API_URL_VARIABLE
                    + ".";
            default -> ".";
          });
    }
    return new MojoExecutionException(message.toString(), e);
  }

  private static String check(GitHubUnreachableException e) {
    return switch (e.reason()) {
      case UNRESOLVED -> "Check the host name in the URL, and this machine's DNS and network.";
      case REFUSED ->
          "Check the host and the port in the URL: nothing accepts connections on port "
              + e.port()
              + " of "
              + e.host()
              + ".";
      case CONNECT_TIMEOUT ->
          "Check the URL, and the network and firewalls between this machine and " + e.host() + ".";
      case ANSWER_TIMEOUT ->
          e.host() + " accepted the connection but did not answer: check that the server is up.";
      case TLS ->
          "Check that the port speaks https, and that Java trusts the server's certificate (a private CA"
              + " goes into the JVM's trust store, or -Djavax.net.ssl.trustStore).";
      case OTHER -> "Check the URL and the network.";
    };
  }

  private static boolean isApiHost(GitHubUnreachableException e, String apiUrl) {
    URI uri = URI.create(apiUrl);
    int port =
        uri.getPort() != -1 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    return e.host().equalsIgnoreCase(uri.getHost()) && e.port() == port;
  }

  private static boolean isGitHubCom(String serverUrl) {
    return "github.com".equalsIgnoreCase(URI.create(serverUrl).getHost());
  }
}
