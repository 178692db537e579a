package dev.crossbuild.git;

/** A remote is missing, or its URL does not name a {@code host/owner/name} repository. */
public class NotAGitHubRemoteException extends GitException {

  private final String remote;
  private final String url;

  /**
   * @param remote the remote's name, e.g. {@code origin}
   * @param url its URL with any credentials removed, or {@code null} when the remote is missing
   */
  public NotAGitHubRemoteException(String remote, String url) {
    super(
        url == null
            ? "The git remote '" + remote + "' is not configured"
            : "The git remote '"
                + remote
                + "' ("
                + url
                + ") does not name a GitHub repository owner/name");
    this.remote = remote;
    this.url = url;
  }

  public String remote() {
    return remote;
  }

  /** The URL without credentials, or {@code null} when the remote is missing. */
  public String url() {
    return url;
  }
}
