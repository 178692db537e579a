package dev.crossbuild.release;

/** GitHub rejected the token (HTTP 401): it is wrong, expired or revoked. */
public class GitHubAuthenticationException extends GitHubApiException {

  public GitHubAuthenticationException(String request) {
    super(
        401,
        request,
        "GitHub rejected the token (HTTP 401 on "
            + request
            + "): it is invalid, expired or revoked");
  }
}
