package dev.crossbuild.report;

import dev.crossbuild.plan.BuilderTiming;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.stage.Stages;
import dev.crossbuild.stage.TargetResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-build summary: a console table, {@code report.json} for tools and {@code report.html}
 * for a person: a timeline of every target's stages on one time axis, in a lane per builder
 * (parallelism and the slow leg visible at a glance), a table of targets (plan, deps cache, stage
 * times, result, artifacts, ABI) and every output with its size, SHA-256 and audit.
 */
public final class BuildReport {

  private final List<TargetResult> results;
  private final List<UnreachableBuilder> unreachable;
  private List<BuilderTiming> builders = List.of();

  /** A report of these results, in the plan's order, with every builder reachable. */
  public BuildReport(List<TargetResult> results) {
    this(results, List.of());
  }

  /**
   * A report of these results, in the plan's order.
   *
   * @param unreachable the builders the plan could not reach ({@link
   *     dev.crossbuild.plan.BuildPlan#unreachable()})
   */
  public BuildReport(List<TargetResult> results, List<UnreachableBuilder> unreachable) {
    this.results = List.copyOf(results);
    this.unreachable = List.copyOf(unreachable);
  }

  /**
   * Adds the builders the plan connected, with what connecting and probing each took (the planner's
   * overhead per builder), to {@code report.json} and {@code report.html}.
   */
  public BuildReport withBuilders(List<BuilderTiming> timings) {
    this.builders = List.copyOf(timings);
    return this;
  }

  /** Target, strategy, deps cache, seconds per stage, artifacts and their sizes. */
  public List<String> summary() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "TARGET",
            "STRATEGY",
            "DEPS",
            "DEPS s",
            "SOURCE s",
            "OUTPUTS s",
            "RESULT",
            "ARTIFACTS"));
    for (TargetResult r : results) {
      rows.add(
          List.of(
              Results.triple(r),
              r.planned().strategy().id(),
              r.depsSource() == null ? "-" : r.depsSource(),
              seconds(r, Stages.DEPS),
              seconds(r, Stages.SOURCE),
              seconds(r, Stages.OUTPUTS),
              Results.result(r),
              artifacts(r)));
    }
    return TextTable.render(rows);
  }

  /**
   * Writes {@code report.json} and {@code report.html} into {@code dir}, reading every archive and
   * output file once for its SHA-256.
   */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<ReportedTarget> targets = new ArrayList<>();
    for (TargetResult r : results) {
      targets.add(new ReportedTarget(r, Checksums.of(r)));
    }
    Files.writeString(
        dir.resolve("report.json"), ReportJson.render(targets, unreachable, builders));
    Files.writeString(dir.resolve("report.html"), ReportPage.html(targets, unreachable, builders));
  }

  private static String seconds(TargetResult r, String stage) {
    return Results.stage(r, stage).map(s -> Html.seconds(s.elapsed())).orElse("-");
  }

  /**
   * One short cell: a few files by name, more as a count; total size; the glibc floor; the smoke
   * test. The whole list is in report.json and report.html.
   */
  static String artifacts(TargetResult r) {
    if (r.failed()) {
      return Results.errorLine(r);
    }
    List<String> parts = new ArrayList<>();
    if (r.outputs().size() <= 3) {
      r.outputs()
          .forEach(
              o ->
                  parts.add(
                      o.path()
                          + (o.linkTarget() == null
                              ? " (" + size(o.size()) + ")"
                              : " -> " + o.linkTarget())));
    } else {
      parts.add(r.outputs().size() + " files, " + size(Results.outputBytes(r)));
    }
    String libc = Results.libc(r);
    if (libc != null) {
      parts.add(libc);
    }
    if (r.smokeTest() != null) {
      parts.add("smoke " + (r.smokeTest().startsWith("skipped") ? "skipped" : r.smokeTest()));
    }
    return String.join(", ", parts);
  }

  /** Bytes in B, KiB or MiB, one decimal. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
