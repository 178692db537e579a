package dev.crossbuild.release;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends requests to GitHub: adds the token and API headers, retries transient failures with
 * backoff, and turns error answers into exceptions. The token is only ever put in the {@code
 * Authorization} header, never in a message.
 */
final class GitHubHttp {

  private static final String USER_AGENT = "cross-build-maven-plugin";

  private final HttpClient client;
  private final String token;
  private final RetryPolicy retry;
  private final Consumer<String> log;

  /**
   * @param token the token, or {@code null} to send anonymous requests (dry runs without a token)
   */
  GitHubHttp(String token, RetryPolicy retry, Consumer<String> log) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.token = token == null || token.isBlank() ? null : token;
    this.retry = retry;
    this.log = log;
  }

  /** A request builder with the API headers, and the token when {@code authenticated}. */
  HttpRequest.Builder request(URI uri, boolean authenticated) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", USER_AGENT);
    if (authenticated && token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  /**
   * Sends with retries. Returns the final answer when it is a success or one of {@code
   * acceptedErrors}; any other status is thrown as a {@link GitHubApiException}.
   */
  <T> HttpResponse<T> send(
      HttpRequest request, HttpResponse.BodyHandler<T> handler, int... acceptedErrors) {
    String what = request.method() + " " + request.uri().getPath();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<T> response;
      try {
        response = client.send(request, handler);
      } catch (IOException e) {
        GitHubUnreachableException unreachable =
            GitHubUnreachableException.of(what, request.uri(), e);
        if (attempt >= retry.maxAttempts()) {
          throw unreachable;
        }
        waitBeforeRetry(
            what,
            unreachable.host() + ":" + unreachable.port() + ": " + unreachable.reasonText(),
            retry.backoff(attempt));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GitHubApiException(what, "Interrupted while calling GitHub (" + what + ")", e);
      }
      int status = response.statusCode();
      if (transientFailure(response) && attempt < retry.maxAttempts()) {
        discard(response);
        waitBeforeRetry(what, "HTTP " + status, delay(response.headers(), attempt));
        continue;
      }
      if (status < 400 || contains(acceptedErrors, status)) {
        return response;
      }
      String detail = errorMessage(response);
      if (status == 401) {
        throw new GitHubAuthenticationException(what);
      }
      throw new GitHubApiException(
          status,
          what,
          "GitHub answered HTTP "
              + status
              + " to "
              + what
              + (detail.isEmpty() ? "" : ": " + detail)
              + hint(status));
    }
  }

  private static String hint(int status) {
    return switch (status) {
      case 403 -> ". The token needs the 'contents: write' permission on the repository";
      case 404 -> ". Check the repository name and that the token can see it";
      default -> "";
    };
  }

  static boolean transientFailure(HttpResponse<?> response) {
    int status = response.statusCode();
    HttpHeaders headers = response.headers();
    boolean secondaryRateLimit =
        status == 403
            && (headers.firstValue("retry-after").isPresent()
                || headers.firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent());
    return status >= 500 || status == 429 || secondaryRateLimit;
  }

  /**
   * {@code Retry-After} seconds if given, else the rate-limit reset time, else exponential backoff;
   * capped.
   */
  Duration delay(HttpHeaders headers, int attempt) {
    Optional<Long> retryAfter = headers.firstValue("retry-after").flatMap(GitHubHttp::parseLong);
    if (retryAfter.isPresent()) {
      return retry.cap(Duration.ofSeconds(retryAfter.get()));
    }
    if (headers.firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent()) {
      Optional<Long> reset = headers.firstValue("x-ratelimit-reset").flatMap(GitHubHttp::parseLong);
      if (reset.isPresent()) {
        return retry.cap(Duration.between(Instant.now(), Instant.ofEpochSecond(reset.get())));
      }
    }
    return retry.backoff(attempt);
  }

  private void waitBeforeRetry(String what, String reason, Duration wait) {
    log.accept(
        "GitHub " + what + " failed (" + reason + "); retrying in " + wait.toSeconds() + " s");
    try {
      retry.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubApiException(what, "Interrupted while waiting to retry " + what, e);
    }
  }

  private static String errorMessage(HttpResponse<?> response) {
    Object body = response.body();
    String text;
    try {
      text =
          body instanceof String s
              ? s
              : body instanceof InputStream in
                  ? new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8)
                  : "";
      discard(response);
    } catch (IOException e) {
      return "";
    }
    return Json.message(text);
  }

  private static void discard(HttpResponse<?> response) {
    if (response.body() instanceof InputStream in) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the answer is thrown away anyway
      }
    }
  }

  private static Optional<Long> parseLong(String value) {
    try {
      return Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }
}
