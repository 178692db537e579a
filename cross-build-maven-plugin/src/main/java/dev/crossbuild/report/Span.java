package dev.crossbuild.report;

import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.TargetResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The build's wall time: from the start of the earliest stage of any target to the end of the
 * latest.
 *
 * @param start when the build's first stage started ({@link Instant#EPOCH} when none ran)
 * @param end when its last stage ended
 */
record Span(Instant start, Instant end) {

  static Span of(List<TargetResult> results) {
    Instant first = null;
    Instant last = null;
    for (TargetResult r : results) {
      for (StageTiming s : r.stages()) {
        first = first == null || s.start().isBefore(first) ? s.start() : first;
        last = last == null || s.end().isAfter(last) ? s.end() : last;
      }
    }
    first = first == null ? Instant.EPOCH : first;
    return new Span(first, last == null ? first : last);
  }

  Duration length() {
    return Duration.between(start, end);
  }

  /** How long after the build's start {@code t} is. */
  Duration offset(Instant t) {
    return Duration.between(start, t);
  }
}
