package dev.crossbuild.report;

import static dev.crossbuild.report.Html.escape;

import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.TargetResult;
import java.util.List;
import java.util.Optional;

/**
 * The targets table of {@code report.html}: the plan (strategy, builder, why), where the deps image
 * came from, seconds per stage with each target's longest in bold, the result (a failure's first
 * line), the archive with its size and SHA-256, and the ABI the outputs need.
 */
final class TargetTable {

  /**
   * Files listed by name in the artifacts cell; more are counted (every file is in the details).
   */
  private static final int FILES_BY_NAME = 3;

  /**
   * Hex digits of a SHA-256 shown in the table, as a short commit id is; the details show all 64.
   */
  private static final int SHORT_SHA = 16;

  /** Columns besides the seconds: target, strategy, builder, why, deps, result, ABI, artifacts. */
  private static final int COLUMNS = 8;

  private TargetTable() {}

  static void render(StringBuilder h, List<ReportedTarget> targets) {
    List<TargetResult> results = targets.stream().map(ReportedTarget::result).toList();
    List<String> stages =
        Results.STAGES.stream()
            .filter(stage -> results.stream().anyMatch(r -> Results.stage(r, stage).isPresent()))
            .toList();
    TargetResult slowest = results.size() > 1 ? Results.slowest(results).orElse(null) : null;
    h.append(
        "<section id=\"targets\"><h2>Targets</h2>\n<div class=\"scroll\"><table class=\"targets\"><thead><tr>");
    for (String column : List.of("target", "strategy", "builder", "why", "deps")) {
      h.append("<th rowspan=\"2\">").append(column).append("</th>");
    }
    h.append("<th class=\"c\" colspan=\"")
        .append(stages.size() + 1)
        .append("\">seconds</th>")
        .append(
            "<th rowspan=\"2\">result</th><th rowspan=\"2\">ABI</th><th rowspan=\"2\">artifacts</th></tr>\n<tr>");
    stages.forEach(stage -> h.append("<th class=\"n\">").append(stage).append("</th>"));
    h.append("<th class=\"n\">total</th></tr></thead><tbody>\n");
    for (ReportedTarget t : targets) {
      row(h, t.result(), t.checksums(), stages, t.result() == slowest);
    }
    h.append("</tbody></table></div></section>\n");
  }

  private static void row(
      StringBuilder h, TargetResult r, Checksums sums, List<String> stages, boolean slowest) {
    String triple = Results.triple(r);
    h.append("<tr")
        .append(r.failed() ? " class=\"failed\"" : "")
        .append(" data-target=\"")
        .append(escape(triple))
        .append("\"><td class=\"m nowrap\"><a href=\"#")
        .append(escape(Html.anchor(triple)))
        .append("\">")
        .append(escape(triple))
        .append("</a>")
        .append(
            slowest ? "<small class=\"block\"><span class=\"badge\">slowest</span></small>" : "")
        .append("</td><td>")
        .append(escape(r.planned().strategy().id()))
        .append("</td><td>");
    if (r.planned().builder() == null) {
      h.append("-");
    } else {
      h.append(escape(r.planned().builder().id()));
    }
    if (r.planned().imagePlatform() != null) {
      h.append("<small class=\"block\">")
          .append(escape(r.planned().imagePlatform().toString()))
          .append("</small>");
    }
    h.append("</td><td>").append(escape(r.planned().reason())).append("</td><td>");
    String deps = r.depsSource();
    h.append(
            deps == null
                ? "-"
                : "<span class=\"chip d-" + escape(deps) + "\">" + escape(deps) + "</span>")
        .append("</td>");
    StageTiming longest = r.stages().size() > 1 ? Results.longestStage(r).orElse(null) : null;
    for (String stage : stages) {
      Optional<StageTiming> s = Results.stage(r, stage);
      if (s.isEmpty()) {
        h.append("<td class=\"n none\">-</td>");
        continue;
      }
      h.append("<td class=\"n")
          .append(s.get() == longest ? " longest" : "")
          .append(s.get().outcome().equals("failed") ? " bad" : "")
          .append("\">")
          .append(Html.seconds(s.get().elapsed()))
          .append("<small>")
          .append(escape(Timeline.outcome(s.get())))
          .append("</small></td>");
    }
    h.append("<td class=\"n\">").append(Html.seconds(Results.elapsed(r))).append("</td><td>");
    result(h, r);
    String abi = Results.abi(r);
    h.append("</td><td>")
        .append(abi == null ? "-" : String.join("<br>", escape(abi).split(", ")))
        .append("</td><td class=\"artifacts\">");
    artifacts(h, r, sums);
    h.append("</td></tr>\n");
    if (r.failed()) {
      // the whole width, so that the first line of the error reads as a line
      h.append("<tr class=\"failed error\"><td colspan=\"")
          .append(COLUMNS + stages.size() + 1)
          .append("\"><span class=\"err\">")
          .append(escape(Results.errorLine(r)))
          .append("</span></td></tr>\n");
    }
  }

  private static void result(StringBuilder h, TargetResult r) {
    if (r.failed()) {
      String stage = Results.failedStage(r);
      h.append("<b class=\"bad\">FAILED</b>")
          .append(stage == null ? "" : "<small class=\"block\">in " + escape(stage) + "</small>");
      return;
    }
    h.append(escape(Results.result(r)));
    if (r.smokeTest() != null) {
      // the reason a smoke test was skipped is in the details
      h.append("<small class=\"block\">smoke ")
          .append(escape(r.smokeTest().startsWith("skipped") ? "skipped" : r.smokeTest()))
          .append("</small>");
    }
  }

  private static void artifacts(StringBuilder h, TargetResult r, Checksums sums) {
    if (r.archive() != null) {
      String name = r.archive().getFileName().toString();
      h.append("<a class=\"m\" href=\"")
          .append(Html.href(name))
          .append("\">")
          .append(escape(name))
          .append("</a>");
      if (sums.archiveSha256() != null) {
        h.append("<small class=\"block\">")
            .append(BuildReport.size(sums.archiveBytes()))
            .append(", sha256 <span class=\"m\" title=\"")
            .append(sums.archiveSha256())
            .append("\">")
            .append(sums.archiveSha256(), 0, SHORT_SHA)
            .append("&hellip;</span></small>");
      }
    }
    if (r.outputs().isEmpty()) {
      h.append(r.archive() == null ? "-" : "");
      return;
    }
    h.append("<small class=\"block\">");
    if (r.outputs().size() <= FILES_BY_NAME) {
      for (int i = 0; i < r.outputs().size(); i++) {
        TargetResult.OutputFile o = r.outputs().get(i);
        h.append(i == 0 ? "" : ", ")
            .append("<span class=\"m\">")
            .append(escape(o.path()))
            .append("</span> ")
            .append(o.link() ? "&rarr; " + escape(o.linkTarget()) : BuildReport.size(o.size()));
      }
    } else {
      h.append(r.outputs().size())
          .append(" files, ")
          .append(BuildReport.size(Results.outputBytes(r)));
    }
    h.append(" (<a href=\"#")
        .append(escape(Html.anchor(Results.triple(r))))
        .append("\">every file</a>)</small>");
  }
}
