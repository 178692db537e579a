package dev.crossbuild.release;

import java.time.Duration;
import java.util.Objects;

/**
 * How transient failures (5xx, 429, secondary rate limits, connection errors) are retried.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialDelay wait before the second attempt; doubled each time
 * @param maxDelay cap on any single wait, including one asked for by {@code Retry-After}
 * @param sleeper how to wait
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, Sleeper sleeper) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60), Sleeper.REAL);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    initialDelay = Objects.requireNonNullElse(initialDelay, Duration.ofSeconds(2));
    maxDelay = Objects.requireNonNullElse(maxDelay, Duration.ofSeconds(60));
    sleeper = Objects.requireNonNullElse(sleeper, Sleeper.REAL);
  }

  /** The exponential backoff before attempt {@code attempt + 1}, capped. */
  Duration backoff(int attempt) {
    long millis = initialDelay.toMillis() << Math.min(attempt - 1, 20);
    return cap(Duration.ofMillis(millis));
  }

  Duration cap(Duration wait) {
    return wait.compareTo(maxDelay) > 0 ? maxDelay : wait.isNegative() ? Duration.ZERO : wait;
  }
}
