package dev.crossbuild.report;

import static dev.crossbuild.report.Html.escape;

import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.stage.TargetResult;
import java.util.List;

/**
 * One section of {@code report.html} per target: a failure's whole message and log tail, the
 * archive, the deps image, the smoke test, the log, and every output with its size, SHA-256 and
 * what the audit read.
 */
final class TargetDetails {

  private TargetDetails() {}

  static void render(StringBuilder h, List<ReportedTarget> targets) {
    h.append("<section id=\"details\"><h2>Outputs and details</h2>\n");
    for (ReportedTarget t : targets) {
      target(h, t.result(), t.checksums());
    }
    h.append("</section>\n");
  }

  private static void target(StringBuilder h, TargetResult r, Checksums sums) {
    String triple = Results.triple(r);
    h.append("<section class=\"target")
        .append(r.failed() ? " failed" : "")
        .append("\" id=\"")
        .append(escape(Html.anchor(triple)))
        .append("\"><h3>")
        .append(escape(triple))
        .append(" <small>")
        .append(escape(r.planned().target().classifier()))
        .append("</small></h3>\n");
    if (r.failed()) {
      h.append("<pre class=\"error\">").append(escape(r.failure().getMessage())).append("</pre>\n");
      List<String> tail = Results.logTail(r);
      if (!tail.isEmpty()) {
        h.append("<p>Last lines of the ")
            .append(escape(Results.failedStage(r)))
            .append(" log:</p>\n")
            .append("<pre class=\"tail\">")
            .append(escape(String.join("\n", tail)))
            .append("</pre>\n");
      }
    }
    h.append("<dl>");
    if (r.archive() != null) {
      String name = r.archive().getFileName().toString();
      h.append("<dt>archive</dt><dd><a class=\"m\" href=\"")
          .append(Html.href(name))
          .append("\">")
          .append(escape(name))
          .append("</a>");
      if (sums.archiveSha256() != null) {
        h.append(" ")
            .append(BuildReport.size(sums.archiveBytes()))
            .append(", sha256 <code class=\"sha\">")
            .append(sums.archiveSha256())
            .append("</code>");
      }
      h.append("</dd>");
    }
    if (r.depsImage() != null) {
      h.append("<dt>deps image</dt><dd><code>")
          .append(escape(r.depsImage()))
          .append("</code>")
          .append(r.depsSource() == null ? "" : " (" + escape(r.depsSource()) + ")")
          .append("</dd>");
    }
    if (r.smokeTest() != null) {
      h.append("<dt>smoke test</dt><dd>").append(escape(r.smokeTest())).append("</dd>");
    }
    if (r.log() != null) {
      String log = r.log().getFileName().toString();
      h.append("<dt>log</dt><dd><a class=\"m\" href=\"")
          .append(Html.href(log))
          .append("\">")
          .append(escape(log))
          .append("</a></dd>");
    }
    h.append("</dl>\n");
    if (!r.outputs().isEmpty()) {
      files(h, r, sums);
    }
    h.append("</section>\n");
  }

  private static void files(StringBuilder h, TargetResult r, Checksums sums) {
    h.append(
            "<div class=\"scroll\"><table class=\"files\"><thead><tr><th>file</th><th class=\"n\">size</th>")
        .append("<th>sha256</th><th>binary</th>")
        .append(
            "<th>linkage</th><th>NEEDED</th><th>glibc</th><th>glibcxx</th></tr></thead><tbody>\n");
    for (TargetResult.OutputFile o : r.outputs()) {
      BinaryInfo b =
          r.binaries().stream().filter(x -> x.path().equals(o.path())).findFirst().orElse(null);
      h.append("<tr><td class=\"m\">")
          .append(escape(o.path()))
          .append(o.link() ? " &rarr; " + escape(o.linkTarget()) : "")
          .append("</td><td class=\"n\">")
          .append(o.link() ? "link" : BuildReport.size(o.size()))
          .append("</td><td class=\"m sha\">")
          .append(sums.of(o) == null ? "" : sums.of(o))
          .append("</td>");
      if (b == null) {
        h.append("<td></td><td></td><td></td><td></td><td></td></tr>\n");
        continue;
      }
      h.append("<td>")
          .append(escape(b.format() + " " + b.machine() + " " + b.bits() + "-bit"))
          .append("</td><td>")
          .append(
              b.dynamic()
                  ? "dynamic" + (b.interpreter() == null ? "" : " " + escape(b.interpreter()))
                  : "static")
          .append("</td><td class=\"m\">")
          .append(escape(String.join(" ", b.needed())))
          .append("</td><td>")
          .append(escape(b.glibc()))
          .append("</td><td>")
          .append(escape(b.glibcxx()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }
}
