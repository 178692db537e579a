package dev.crossbuild.report;

import static dev.crossbuild.report.Html.escape;

import dev.crossbuild.plan.BuilderTiming;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.TargetResult;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code report.html}: what was built, how long it took and what failed, readable without a server,
 * a network or a script: one file, inline CSS. Every text that comes from the build is escaped.
 */
final class ReportPage {

  private static final String CSS =
      """
      :root{--base:#8e8e8e;--deps:#3572b0;--source:#2e8b57;--outputs:#b8860b;--smoke:#7d3c98;--host:#16a085;\
      --check:#5d6d7e;--other:#34495e;--failed:#c0392b;--bad-bg:#fdecea}
      body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1em 1.2em;color:#222}
      h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.4em 0 .4em}h3{font-size:1em;margin:1.2em 0 .3em}
      h3 small{font-weight:400;color:#666}a{color:#1f5d99}
      code,.m{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
      .facts{margin:.2em 0;color:#333}.bad{color:var(--failed)}.nowrap{white-space:nowrap}.block{display:block}
      .failures{border:2px solid var(--failed);background:var(--bad-bg);padding:.4em 1em;border-radius:4px;margin:1em 0}
      .failures h2{color:var(--failed);margin:.2em 0 .3em}.failures ul{margin:.2em 0;padding-left:1.2em}
      .legend{list-style:none;padding:0;margin:.2em 0 .6em;display:flex;flex-wrap:wrap;gap:.2em 1.1em;font-size:12px}
      .sw{display:inline-block;width:14px;height:14px;vertical-align:-2px;margin-right:5px;border-radius:2px}
      .chart{border:1px solid #ddd;border-radius:4px;padding:4px 10px 6px 4px}
      .row{display:flex;align-items:center;min-height:36px;border-top:1px solid #eee}
      .row.axis{border-top:0;min-height:20px;font-size:11px;color:#555}
      .row.lane-head{min-height:22px;margin-top:4px;border-top:2px solid #c8c8c8;background:#f6f6f6}
      .lane-head .who{flex:1 1 auto}.lane-head .sub{display:inline}
      .who{flex:0 0 18rem;box-sizing:border-box;padding:2px 8px 2px 8px;overflow:hidden;border-left:4px solid transparent}
      .triple{display:block;font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:13px;color:#222;\
      text-decoration:none;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
      .sub{display:block;font-size:11px;color:#666}
      .row.failed .who{border-left-color:var(--failed);background:var(--bad-bg)}
      .lane{position:relative;flex:1 1 auto;min-width:0;height:24px}.axis .lane{height:16px}
      .tick{position:absolute;top:0;transform:translateX(-50%);white-space:nowrap}
      .tick:first-child{transform:none}.tick:last-child{transform:translateX(-100%)}
      .grid{position:absolute;top:-6px;bottom:-6px;border-left:1px solid #e6e6e6}
      .bar{position:absolute;top:3px;height:18px;min-width:2px;box-sizing:border-box;border-radius:2px;overflow:hidden;\
      white-space:nowrap;font-size:11px;line-height:18px;color:#fff}
      .bar span{padding:0 4px}
      .s-base{background-color:var(--base)}.s-deps{background-color:var(--deps)}.s-source{background-color:var(--source)}
      .s-outputs{background-color:var(--outputs)}.s-smoke{background-color:var(--smoke)}.s-host{background-color:var(--host)}
      .s-check{background-color:var(--check)}.s-other{background-color:var(--other)}
      .o-reused{background-image:repeating-linear-gradient(135deg,rgba(255,255,255,.55) 0 3px,transparent 3px 6px)}
      .o-pulled{background-image:linear-gradient(rgba(255,255,255,.45),rgba(255,255,255,.45));color:#102030}
      .o-failed{background-color:var(--failed);background-image:none}
      .badge{background:#f5b041;color:#222;border-radius:3px;padding:0 4px;font-size:10px;font-weight:600}
      .scroll{overflow-x:auto}table{border-collapse:collapse;margin:.4em 0 1em;width:100%}
      th,td{border:1px solid #d5d5d5;padding:3px 6px;font-size:12px;text-align:left;vertical-align:top}
      th{background:#f4f4f4;font-weight:600}td.n,th.n{text-align:right;white-space:nowrap}
      td.n small{display:block;color:#777;font-size:10px}td.none{color:#aaa}
      th.c{text-align:center}td.artifacts{min-width:13em;overflow-wrap:anywhere}
      table.targets td:nth-child(4){min-width:10em;max-width:18em;overflow-wrap:anywhere}
      tr.error td{padding:2px 6px 6px 10px;border-top:0}
      td.longest{font-weight:700;background:#fff4d6}
      tr.failed td{background:var(--bad-bg)}tr.failed td:first-child{box-shadow:inset 4px 0 var(--failed)}
      .err{color:var(--failed);font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word}
      .sha{word-break:break-all;color:#555}
      .chip{display:inline-block;padding:0 5px;border-radius:3px;font-size:11px;color:#fff;background:var(--deps)}
      .d-hit{background:#2e7d32}.d-pulled{background:#6c8ebf}.d-built{background:var(--deps)}
      dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.3em 0;font-size:13px}
      dt{color:#666}dd{margin:0}
      pre{background:#f7f7f7;border:1px solid #ddd;padding:6px 8px;font-size:12px;white-space:pre-wrap;word-break:break-word}
      pre.error{border-color:var(--failed);color:#7b241c}
      """;

  private ReportPage() {}

  static String html(List<ReportedTarget> targets, List<UnreachableBuilder> unreachable) {
    return html(targets, unreachable, List.of());
  }

  static String html(
      List<ReportedTarget> targets,
      List<UnreachableBuilder> unreachable,
      List<BuilderTiming> builders) {
    List<TargetResult> results = targets.stream().map(ReportedTarget::result).toList();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>cross-build report</title>\n<style>\n")
        .append(CSS)
        .append("</style></head><body>\n");
    header(h, results);
    unreachable(h, unreachable);
    builders(h, builders);
    failures(h, results);
    Timeline.render(h, results);
    TargetTable.render(h, targets);
    TargetDetails.render(h, targets);
    return h.append("</body></html>\n").toString();
  }

  private static void header(StringBuilder h, List<TargetResult> results) {
    Span span = Span.of(results);
    long failed = results.stream().filter(TargetResult::failed).count();
    long upToDate = results.stream().filter(r -> !r.failed() && r.upToDate()).count();
    h.append("<header><h1>cross-build report</h1>\n<p class=\"facts\">")
        .append(results.size())
        .append(results.size() == 1 ? " target: " : " targets: ")
        .append(results.size() - failed - upToDate)
        .append(" built");
    if (upToDate > 0) {
      h.append(", ").append(upToDate).append(" up to date");
    }
    if (failed > 0) {
      h.append(", <b class=\"bad\">").append(failed).append(" failed</b>");
    }
    h.append(" &middot; started ")
        .append(span.start().truncatedTo(ChronoUnit.SECONDS))
        .append(" &middot; wall time ")
        .append(Html.seconds(span.length()))
        .append(" s</p>\n");
    TargetResult slowest = Results.slowest(results).orElse(null);
    StageTiming longest = slowest == null ? null : Results.longestStage(slowest).orElse(null);
    if (longest != null) {
      h.append("<p class=\"facts\">");
      if (results.size() > 1) {
        h.append("Slowest target: <b class=\"m\">")
            .append(escape(Results.triple(slowest)))
            .append("</b> (")
            .append(escape(slowest.planned().strategy().id()))
            .append(", ")
            .append(Html.seconds(Results.elapsed(slowest)))
            .append(" s); its longest stage: ");
      } else {
        h.append("Longest stage: ");
      }
      h.append("<b>")
          .append(escape(longest.stage()))
          .append("</b> (")
          .append(Html.seconds(longest.elapsed()))
          .append(" s, ")
          .append(escape(Timeline.outcome(longest)))
          .append(")</p>\n");
    }
    h.append("</header>\n");
  }

  /**
   * One line per builder the plan could not reach: the reader sees why its targets ran elsewhere.
   */
  private static void unreachable(StringBuilder h, List<UnreachableBuilder> unreachable) {
    for (UnreachableBuilder u : unreachable) {
      h.append("<p class=\"facts unreachable\"><b class=\"bad\">Builder ")
          .append(escape("'" + u.id() + "'"))
          .append("</b> (<code>")
          .append(escape(u.host()))
          .append("</code>) could not be reached: ")
          .append(escape(u.problem()))
          .append(". Its targets were planned on other builders.</p>\n");
    }
  }

  /**
   * One line per builder the plan used: where it is, what it runs, and what planning on it took.
   */
  private static void builders(StringBuilder h, List<BuilderTiming> builders) {
    for (BuilderTiming b : builders) {
      h.append("<p class=\"facts builder\">Builder <b class=\"m\">")
          .append(escape(b.builder().id()))
          .append("</b> ")
          .append(escape(b.engine()))
          .append(" at <code>")
          .append(escape(b.builder().endpoint()))
          .append("</code>, ")
          .append(escape(b.builder().nativePlatform().toString()))
          .append(", up to ")
          .append(b.builder().maxParallel())
          .append(" at once &middot; connect and info ")
          .append(Html.seconds(b.connect()))
          .append(" s, QEMU probes ")
          .append(Html.seconds(b.probe()))
          .append(" s</p>\n");
    }
  }

  private static void failures(StringBuilder h, List<TargetResult> results) {
    List<TargetResult> failed = results.stream().filter(TargetResult::failed).toList();
    if (failed.isEmpty()) {
      return;
    }
    h.append("<section class=\"failures\" id=\"failures\"><h2>")
        .append(failed.size())
        .append(failed.size() == 1 ? " target failed" : " targets failed")
        .append("</h2><ul>\n");
    for (TargetResult r : failed) {
      h.append("<li><a class=\"m\" href=\"#")
          .append(escape(Html.anchor(Results.triple(r))))
          .append("\">")
          .append(escape(Results.triple(r)))
          .append("</a>: <span class=\"err\">")
          .append(escape(Results.errorLine(r)))
          .append("</span></li>\n");
    }
    h.append("</ul></section>\n");
  }
}
