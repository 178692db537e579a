package dev.crossbuild.report;

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
        .append(".base{background:#999}.deps{background:#3572b0}.source{background:#2e8b57}.outputs{background:#b8860b}")
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
    return h.append("</body></html>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
