package dev.crossbuild.release;

/** GitHub answered a request with an error, or could not be reached. Never carries the token. */
public class GitHubApiException extends RuntimeException {

  private final int status;
  private final String request;

  /**
   * @param status the HTTP status, or 0 when there was no answer
   * @param request method and path, e.g. {@code POST /repos/acme/widget/releases}
   * @param message what happened, in words
   */
  public GitHubApiException(int status, String request, String message) {
    super(message);
    this.status = status;
    this.request = request;
  }

  public GitHubApiException(String request, String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.request = request;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** Method and path of the failed request. */
  public String request() {
    return request;
  }
}
