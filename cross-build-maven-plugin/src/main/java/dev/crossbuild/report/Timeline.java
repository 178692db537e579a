package dev.crossbuild.report;

import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.TargetResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code report.html}: one row per target, one bar per stage, on a shared time axis. Self-contained. */
final class Timeline {

  private Timeline() {}

  static String html(List<TargetResult> results) {
    Instant[] bounds = new Instant[2];
    Duration span = BuildReport.span(results, bounds);
    double total = Math.max(1, span.toMillis());
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>cross-build report</title>\n")
        .append("<style>body{font:14px sans-serif;margin:2em}.row{display:flex;align-items:center;margin:4px 0}")
        .append(".name{width:22em;font-family:monospace}.lane{position:relative;flex:1;height:22px;background:#f3f3f3}")
        .append(".bar{position:absolute;top:2px;height:18px;font-size:11px;color:#fff;overflow:hidden;white-space:nowrap}")
        .append(".base{background:#999}.deps{background:#3572b0}.source{background:#2e8b57}.outputs{background:#b8860b}.smoke{background:#7d3c98}")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:2px 6px;")
        .append("font-size:12px;text-align:left}td.m{font-family:monospace}")
        .append(".failed{background:#c0392b}</style></head><body>\n")
        .append("<h1>cross-build</h1>\n<p>Wall time ")
        .append(String.format(Locale.ROOT, "%.1f s", span.toMillis() / 1000.0)).append(".</p>\n");
    for (TargetResult r : results) {
      h.append("<div class=\"row\"><div class=\"name\">").append(escape(r.planned().target().triple().value()))
          .append(" (").append(r.planned().strategy().id()).append(")</div><div class=\"lane\">");
      for (StageTiming s : r.stages()) {
        double left = Duration.between(bounds[0], s.start()).toMillis() * 100 / total;
        double width = Math.max(0.3, s.elapsed().toMillis() * 100 / total);
        String css = s.outcome().equals("failed") ? "failed" : s.stage();
        String label = s.stage() + " " + s.outcome() + " "
            + String.format(Locale.ROOT, "%.1f s", s.elapsed().toMillis() / 1000.0);
        h.append(String.format(Locale.ROOT,
            "<div class=\"bar %s\" style=\"left:%.2f%%;width:%.2f%%\" title=\"%s\">%s</div>",
            css, left, width, escape(label), escape(label)));
      }
      h.append("</div></div>\n");
    }
    for (TargetResult r : results) {
      outputs(h, r);
    }
    return h.append("</body></html>\n").toString();
  }

  /** Every output of a target with what the audit read from it. */
  private static void outputs(StringBuilder h, TargetResult r) {
    if (r.outputs().isEmpty()) {
      return;
    }
    h.append("<h2>").append(escape(r.planned().target().triple().value())).append("</h2>\n");
    if (r.smokeTest() != null) {
      h.append("<p>Smoke test: ").append(escape(r.smokeTest())).append("</p>\n");
    }
    h.append("<table><tr><th>file</th><th>size</th><th>binary</th><th>linkage</th><th>NEEDED</th>")
        .append("<th>glibc</th><th>glibcxx</th></tr>\n");
    for (TargetResult.OutputFile o : r.outputs()) {
      BinaryInfo b = r.binaries().stream().filter(x -> x.path().equals(o.path())).findFirst().orElse(null);
      h.append("<tr><td class=\"m\">").append(escape(o.path()))
          .append(o.linkTarget() == null ? "" : " &rarr; " + escape(o.linkTarget())).append("</td><td>")
          .append(o.linkTarget() == null ? BuildReport.size(o.size()) : "link").append("</td>");
      if (b == null) {
        h.append("<td></td><td></td><td></td><td></td><td></td></tr>\n");
        continue;
      }
      h.append("<td>").append(escape(b.format() + " " + b.machine() + " " + b.bits() + "-bit")).append("</td><td>")
          .append(b.dynamic() ? "dynamic" + (b.interpreter() == null ? "" : " " + escape(b.interpreter())) : "static")
          .append("</td><td class=\"m\">").append(escape(String.join(" ", b.needed()))).append("</td><td>")
          .append(b.glibc() == null ? "" : escape(b.glibc())).append("</td><td>")
          .append(b.glibcxx() == null ? "" : escape(b.glibcxx())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
