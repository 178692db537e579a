package dev.crossbuild.stage;

import java.time.Duration;
import java.time.Instant;

/**
 * When a stage of a target ran, and how it ended ({@code built}, {@code cached}, {@code up to
 * date}, {@code failed}).
 */
public record StageTiming(String stage, Instant start, Instant end, String outcome) {

  public Duration elapsed() {
    return Duration.between(start, end);
  }
}
