package dev.crossbuild.report;

import static dev.crossbuild.report.Html.escape;
import static dev.crossbuild.report.Html.percent;

import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.Stages;
import dev.crossbuild.stage.TargetResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline of {@code report.html}: a legend of the stage colours, a time axis in seconds from
 * the build's start, and a lane per builder ({@code host} for builds without a container) holding
 * one row per target, in plan order, with a bar per stage: targets that two builders built at once
 * show side by side. Plain positioned boxes: no script, no SVG.
 */
final class Timeline {

  /** What each stage's colour stands for, in the legend. */
  private static final Map<String, String> LEGEND =
      Map.of(
          Stages.BASE, "base image",
          Stages.DEPS, "deps image",
          Stages.SOURCE, "source build",
          Stages.OUTPUTS, "outputs copied, audited, packed",
          Stages.SMOKE, "smoke test",
          Stages.HOST, "host build (no container)",
          Stages.CHECK, "no-change check");

  /**
   * Tick steps in seconds; the smallest that gives at most {@link #MAX_TICKS} intervals is used.
   */
  private static final double[] STEPS = {
    0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600
  };

  private static final int MAX_TICKS = 8;

  /** The narrowest bar, in percent of the lane: a 0.0 s stage (a deps cache hit) still shows. */
  private static final double MIN_WIDTH = 0.4;

  private Timeline() {}

  static void render(StringBuilder h, List<TargetResult> results) {
    Span span = Span.of(results);
    double step = step(span.length().toMillis() / 1000.0);
    int intervals = Math.max(1, (int) Math.ceil(span.length().toMillis() / 1000.0 / step - 1e-9));
    double axis = intervals * step * 1000;
    h.append("<section id=\"timeline\"><h2>Timeline</h2>\n");
    legend(h, results);
    h.append(
            "<div class=\"chart\">\n<div class=\"row axis\"><div class=\"who\">seconds from the start</div>")
        .append("<div class=\"lane\">");
    for (int i = 0; i <= intervals; i++) {
      h.append("<span class=\"tick\" style=\"left:")
          .append(percent(i * 100.0 / intervals))
          .append("\">")
          .append(tickLabel(i * step, step))
          .append("</span>");
    }
    h.append("</div></div>\n");
    TargetResult slowest = results.size() > 1 ? Results.slowest(results).orElse(null) : null;
    for (List<TargetResult> lane : lanes(results)) {
      laneHead(h, lane);
      for (TargetResult r : lane) {
        row(h, r, r == slowest, span, axis, intervals);
      }
    }
    h.append("</div></section>\n");
  }

  /**
   * The results grouped by builder, lanes in the order their first target was planned (host: no
   * builder).
   */
  static List<List<TargetResult>> lanes(List<TargetResult> results) {
    Map<String, List<TargetResult>> lanes = new LinkedHashMap<>();
    for (TargetResult r : results) {
      BuilderNode b = r.planned().builder();
      lanes.computeIfAbsent(b == null ? null : b.id(), k -> new ArrayList<>()).add(r);
    }
    return List.copyOf(lanes.values());
  }

  /** The label above a builder's rows: its id, platform and how many targets it builds at once. */
  private static void laneHead(StringBuilder h, List<TargetResult> lane) {
    BuilderNode b = lane.get(0).planned().builder();
    String id = b == null ? "host" : b.id();
    String facts =
        (b == null
                ? "this machine, no container"
                : b.nativePlatform() + " &middot; " + b.maxParallel() + " at once")
            + " &middot; "
            + lane.size()
            + (lane.size() == 1 ? " target" : " targets");
    h.append("<div class=\"row lane-head\" data-builder=\"")
        .append(escape(id))
        .append("\"><div class=\"who\">")
        .append("<b class=\"m\">")
        .append(escape(id))
        .append("</b> <span class=\"sub\">")
        .append(facts)
        .append("</span></div></div>\n");
  }

  private static void legend(StringBuilder h, List<TargetResult> results) {
    List<String> shown =
        new ArrayList<>(
            List.of(Stages.BASE, Stages.DEPS, Stages.SOURCE, Stages.OUTPUTS, Stages.SMOKE));
    for (String extra : List.of(Stages.HOST, Stages.CHECK)) {
      if (results.stream().anyMatch(r -> Results.stage(r, extra).isPresent())) {
        shown.add(extra);
      }
    }
    h.append("<ul class=\"legend\">");
    for (String stage : shown) {
      h.append("<li><i class=\"sw s-")
          .append(stage)
          .append("\"></i>")
          .append(stage)
          .append(": ")
          .append(LEGEND.get(stage))
          .append("</li>");
    }
    h.append(
            "<li><i class=\"sw s-deps o-reused\"></i>hatched: nothing to do (deps cache hit, up to date,")
        .append(" smoke test skipped)</li>")
        .append(
            "<li><i class=\"sw s-deps o-pulled\"></i>light: pulled from the registry cache</li>")
        .append("<li><i class=\"sw o-failed\"></i>failed</li></ul>\n");
  }

  private static void row(
      StringBuilder h, TargetResult r, boolean slowest, Span span, double axis, int intervals) {
    String triple = Results.triple(r);
    h.append("<div class=\"row")
        .append(r.failed() ? " failed" : "")
        .append(slowest ? " slowest" : "")
        .append("\" data-target=\"")
        .append(escape(triple))
        .append("\"><div class=\"who\"><a class=\"triple\" href=\"#")
        .append(escape(Html.anchor(triple)))
        .append("\">")
        .append(escape(triple))
        .append("</a><span class=\"sub\">")
        .append(escape(r.planned().strategy().id()))
        .append(" &middot; ")
        .append(Html.seconds(Results.elapsed(r)))
        .append(" s");
    if (r.failed()) {
      String stage = Results.failedStage(r);
      h.append(" &middot; <b class=\"bad\">FAILED")
          .append(stage == null ? "" : " in " + escape(stage))
          .append("</b>");
    }
    if (slowest) {
      h.append(" <span class=\"badge\">slowest</span>");
    }
    h.append("</span></div><div class=\"lane\">");
    for (int i = 0; i <= intervals; i++) {
      h.append("<i class=\"grid\" style=\"left:")
          .append(percent(i * 100.0 / intervals))
          .append("\"></i>");
    }
    for (StageTiming s : r.stages()) {
      double width = Math.max(MIN_WIDTH, s.elapsed().toMillis() * 100 / axis);
      double left = Math.min(span.offset(s.start()).toMillis() * 100 / axis, 100 - width);
      String label = s.stage() + " " + outcome(s) + " " + Html.seconds(s.elapsed()) + " s";
      String title =
          label
              + " ("
              + Html.seconds(span.offset(s.start()))
              + " s to "
              + Html.seconds(span.offset(s.end()))
              + " s)"
              + (s.outcome().startsWith("skipped") ? ": " + s.outcome() : "");
      h.append("<div class=\"bar ")
          .append(stageClass(s.stage()))
          .append(outcomeClass(s.outcome()))
          .append("\" data-stage=\"")
          .append(escape(s.stage()))
          .append("\" style=\"left:")
          .append(percent(left))
          .append(";width:")
          .append(percent(width))
          .append("\" title=\"")
          .append(escape(title))
          .append("\"><span>")
          .append(escape(label))
          .append("</span></div>");
    }
    h.append("</div></div>\n");
  }

  /** The outcome as the summary says it: a deps image the engine had is a {@code hit}. */
  static String outcome(StageTiming s) {
    if (s.outcome().equals("cached")) {
      return "hit";
    }
    return s.outcome().startsWith("skipped") ? "skipped" : s.outcome();
  }

  static String stageClass(String stage) {
    return Results.STAGES.contains(stage) ? "s-" + stage : "s-other";
  }

  static String outcomeClass(String outcome) {
    return switch (outcome) {
      case "cached", "up to date" -> " o-reused";
      case "pulled" -> " o-pulled";
      case "failed" -> " o-failed";
      default -> outcome.startsWith("skipped") ? " o-reused" : "";
    };
  }

  /**
   * The smallest step of {@link #STEPS} that splits {@code seconds} into at most {@link #MAX_TICKS}
   * intervals.
   */
  static double step(double seconds) {
    for (double s : STEPS) {
      if (seconds / s <= MAX_TICKS) {
        return s;
      }
    }
    return Math.ceil(seconds / MAX_TICKS / 3600) * 3600;
  }

  static String tickLabel(double seconds, double step) {
    return (step < 1
            ? String.format(Locale.ROOT, "%.1f", seconds)
            : String.valueOf(Math.round(seconds)))
        + " s";
  }
}
