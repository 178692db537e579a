package dev.crossbuild.report;

import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.audit.GlibcVersions;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.Stages;
import dev.crossbuild.stage.TargetBuildException;
import dev.crossbuild.stage.TargetResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the report says about one result, worked out once for the console, report.json and
 * report.html.
 */
final class Results {

  /** The stages in the order they run; the table has a column for each that some target ran. */
  static final List<String> STAGES = Stages.IN_ORDER;

  private Results() {}

  static String triple(TargetResult r) {
    return r.planned().target().triple().value();
  }

  static Optional<StageTiming> stage(TargetResult r, String name) {
    return r.stages().stream().filter(s -> s.stage().equals(name)).findFirst();
  }

  /** From the start of the target's first stage to the end of its last. */
  static Duration elapsed(TargetResult r) {
    if (r.stages().isEmpty()) {
      return Duration.ZERO;
    }
    Instant first =
        r.stages().stream().map(StageTiming::start).min(Comparator.naturalOrder()).orElseThrow();
    Instant last =
        r.stages().stream().map(StageTiming::end).max(Comparator.naturalOrder()).orElseThrow();
    return Duration.between(first, last);
  }

  /** The stage that took longest, or empty when none ran. */
  static Optional<StageTiming> longestStage(TargetResult r) {
    return r.stages().stream().max(Comparator.comparing(StageTiming::elapsed));
  }

  /** The target that took longest, or empty when there are none. */
  static Optional<TargetResult> slowest(List<TargetResult> results) {
    return results.stream().max(Comparator.comparing(Results::elapsed));
  }

  /** The stage a failed target failed in, or null. */
  static String failedStage(TargetResult r) {
    if (!r.failed()) {
      return null;
    }
    if (r.failure() instanceof TargetBuildException e) {
      return e.stage();
    }
    return r.stages().stream()
        .filter(s -> s.outcome().equals("failed"))
        .map(StageTiming::stage)
        .findFirst()
        .orElse(null);
  }

  /** The first line of a failure's message ("Target x, source stage: ..."), or null. */
  static String errorLine(TargetResult r) {
    if (!r.failed()) {
      return null;
    }
    String message = r.failure().getMessage();
    return message == null
        ? r.failure().getClass().getSimpleName()
        : message.lines().findFirst().orElse("");
  }

  /** The last lines of the failed stage's log, or empty. */
  static List<String> logTail(TargetResult r) {
    return r.failure() instanceof TargetBuildException e ? e.logTail() : List.of();
  }

  /** {@code built}, {@code up to date} or {@code FAILED}, as the summary says it. */
  static String result(TargetResult r) {
    return r.failed() ? "FAILED" : r.upToDate() ? "up to date" : "built";
  }

  /**
   * What the outputs need from the system they run on: {@code glibc>=2.34} (and {@code
   * glibcxx>=3.4.30} when C++), {@code static} when every binary is static, {@code musl, static} or
   * {@code musl} for a musl target (never a glibc version), or null when nothing was audited (no
   * binary, or not ELF).
   */
  static String abi(TargetResult r) {
    if (r.planned().target().musl()) {
      return libc(r);
    }
    List<String> parts = new ArrayList<>();
    if (r.glibcFloor() != null) {
      parts.add("glibc>=" + r.glibcFloor());
    }
    String glibcxx = null;
    for (BinaryInfo b : r.binaries()) {
      glibcxx = GlibcVersions.max(glibcxx, b.glibcxx());
    }
    if (glibcxx != null) {
      parts.add("glibcxx>=" + glibcxx);
    }
    if (parts.isEmpty() && staticOnly(r)) {
      parts.add("static");
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /**
   * The C library part of the summary's cell: {@code glibc>=2.34}, {@code static}, {@code musl,
   * static} or {@code musl}; null when no binary was audited.
   */
  static String libc(TargetResult r) {
    if (r.binaries().isEmpty()) {
      return null;
    }
    if (r.planned().target().musl()) {
      return staticOnly(r) ? "musl, static" : "musl";
    }
    if (r.glibcFloor() != null) {
      return "glibc>=" + r.glibcFloor();
    }
    return staticOnly(r) ? "static" : null;
  }

  /** Whether there are binaries and none of them loads shared libraries. */
  static boolean staticOnly(TargetResult r) {
    return !r.binaries().isEmpty() && r.binaries().stream().noneMatch(BinaryInfo::dynamic);
  }

  /** Total bytes of the regular output files. */
  static long outputBytes(TargetResult r) {
    return r.outputs().stream().mapToLong(TargetResult.OutputFile::size).sum();
  }
}
