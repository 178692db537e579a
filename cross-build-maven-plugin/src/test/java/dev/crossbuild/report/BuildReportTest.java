package dev.crossbuild.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossbuild.Golden;
import dev.crossbuild.config.Strategy;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.TargetResult;
import dev.crossbuild.target.Target;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden files under src/test/resources/golden/report; -Dgolden.update=true rewrites them. */
class BuildReportTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/report");

  @TempDir Path dir;

  @Test
  void consoleSummary() throws Exception {
    List<String> lines = new BuildReport(SampleResults.write(dir)).summary();

    Golden.check(GOLDEN, "summary.txt", String.join("\n", lines) + "\n");
    // The ITs grep the header and the artifacts cell.
    assertThat(lines.get(0))
        .startsWith("TARGET")
        .containsSubsequence("STRATEGY", "DEPS", "RESULT", "ARTIFACTS");
    assertThat(lines.get(1))
        .matches(
            "x86_64-unknown-linux-gnu\\s+native\\s+hit\\s.*built\\s+hello \\(15\\.7 KiB\\),"
                + " glibc>=2\\.34, smoke passed");
  }

  @Test
  void planTable() throws Exception {
    BuildPlan plan =
        new BuildPlan(SampleResults.write(dir).stream().map(TargetResult::planned).toList());

    Golden.check(GOLDEN, "plan.txt", String.join("\n", PlanTable.render(plan)) + "\n");
  }

  private static final List<UnreachableBuilder> BOX_DOWN =
      List.of(
          new UnreachableBuilder(
              "box",
              "tcp://10.0.0.2:2376",
              "No container engine at tcp://10.0.0.2:2376 (from <builder> 'box'): Connection refused"));

  @Test
  void unreachableBuildersAreNamedUnderThePlanTable() throws Exception {
    BuildPlan plan =
        new BuildPlan(
            SampleResults.write(dir).stream().map(TargetResult::planned).toList(), BOX_DOWN);

    List<String> lines = PlanTable.render(plan);
    assertThat(lines).hasSize(6);
    assertThat(lines.get(5))
        .isEqualTo("Not reached, so nothing is planned on them: box (tcp://10.0.0.2:2376)");
  }

  @Test
  void unreachableBuildersAreInTheJsonAndOnThePage() throws Exception {
    new BuildReport(SampleResults.write(dir), BOX_DOWN).write(dir.resolve("report"));
    JsonNode root = new ObjectMapper().readTree(dir.resolve("report/report.json").toFile());
    String html = Files.readString(dir.resolve("report/report.html"));

    JsonNode box = root.get("unreachableBuilders").get(0);
    assertThat(box.get("id").asText()).isEqualTo("box");
    assertThat(box.get("host").asText()).isEqualTo("tcp://10.0.0.2:2376");
    assertThat(box.get("problem").asText()).isEqualTo(BOX_DOWN.get(0).problem());
    assertThat(html)
        .contains(
            "<b class=\"bad\">Builder &#39;box&#39;</b> (<code>tcp://10.0.0.2:2376</code>) could"
                + " not be reached: No container engine at tcp://10.0.0.2:2376 (from &lt;builder&gt; &#39;box&#39;):"
                + " Connection refused. Its targets were planned on other builders.");
  }

  @Test
  void reportJson() throws Exception {
    new BuildReport(SampleResults.write(dir)).write(dir.resolve("report"));
    String json = Files.readString(dir.resolve("report/report.json"));

    Golden.check(GOLDEN, "report.json", json);
    JsonNode root = new ObjectMapper().readTree(json);
    // Fields the ITs, the benchmark and the workflow runner read: only ever added to.
    assertThat(root.get("targets")).hasSize(4);
    JsonNode arm = root.get("targets").get(1);
    assertThat(arm.fieldNames())
        .toIterable()
        .contains(
            "target",
            "classifier",
            "strategy",
            "builder",
            "reason",
            "depsImage",
            "depsCacheHit",
            "deps",
            "upToDate",
            "status",
            "stages",
            "outputs",
            "glibcFloor",
            "binaries",
            "smokeTest",
            "log",
            "archive");
    assertThat(arm.get("deps").asText()).isEqualTo("pulled");
    assertThat(arm.get("abi").asText()).isEqualTo("glibc>=2.17, glibcxx>=3.4.21");
    assertThat(arm.get("outputs").get(3).get("sha256").asText())
        .isEqualTo(
            Checksums.sha256(dir.resolve("aarch64-unknown-linux-gnu/lib/libgreet.so.1.2.3")));
    assertThat(arm.get("outputs").get(1).has("sha256")).as("a link has no checksum").isFalse();
    JsonNode failed = root.get("targets").get(3);
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("failedStage").asText()).isEqualTo("source");
    assertThat(root.get("wallSeconds").asDouble()).isEqualTo(112.4);
    assertThat(root.has("unreachableBuilders"))
        .as("only when a builder could not be reached")
        .isFalse();
  }

  @Test
  void reportHtml() throws Exception {
    new BuildReport(SampleResults.write(dir)).write(dir.resolve("report"));
    String html = Files.readString(dir.resolve("report/report.html"));

    Golden.check(GOLDEN, "report.html", html);
    assertThat(html)
        .as("the slow target and its slow stage, named at the top")
        .contains(
            "Slowest target: <b class=\"m\">riscv64gc-unknown-linux-gnu</b> (emulated, 112.2 s); "
                + "its longest stage: <b>source</b> (66.5 s, built)");
    assertThat(html)
        .contains("<span class=\"err\">" + Html.escape(SampleResults.ERROR_LINE) + "</span>");
    assertThat(html)
        .as("the plan's why, escaped")
        .contains("forced by &lt;strategy&gt;emulated&lt;/strategy&gt;; QEMU on &#39;local&#39;");
    assertThat(html)
        .as("ticks every 15 s up to 120 s")
        .contains(">0 s<", ">15 s<", ">105 s<", ">120 s<");
    selfContained(html);
  }

  @Test
  void everyUserStringIsEscaped() throws Exception {
    String nasty = SampleResults.NASTY;
    List<TargetResult> hostile = SampleResults.hostile(dir);

    new BuildReport(hostile).write(dir.resolve("report"));
    String html = Files.readString(dir.resolve("report/report.html"));

    assertThat(tags(html))
        .as("only the page's own elements")
        .isSubsetOf(
            Set.of(
                "html", "head", "meta", "title", "style", "body", "br", "header", "h1", "h2", "h3",
                "p", "b", "small", "section", "ul", "li", "i", "div", "span", "a", "table", "thead",
                "tbody", "tr", "th", "td", "dl", "dt", "dd", "code", "pre"));
    assertThat(html).doesNotContain(nasty, "<script", "<img", "</b>&", "</div>\"");
    assertThat(html)
        .contains(
            Html.escape(nasty),
            "data-target=\"evil-x&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;-linux\"",
            "href=\"log%20%3C%26%22%27.log\"");
    assertThat(html.replaceAll("<b[ >][^<]*</b>", ""))
        .as("every <b> the page writes holds plain text")
        .doesNotContain("<b>");
    selfContained(html);
    assertThat(
            new ObjectMapper()
                .readTree(dir.resolve("report/report.json").toFile())
                .get("targets")
                .get(0)
                .get("target")
                .asText())
        .isEqualTo(Results.triple(hostile.get(0)));
  }

  @Test
  void noChangeRunWithZeroLengthStages() throws Exception {
    Target x86 = TargetCatalog.builtIn().resolve("x86_64-unknown-linux-gnu");
    StageTiming check = SampleResults.stage("check", 3, 3, "up to date");
    TargetResult r =
        new TargetResult(
            SampleResults.planned(x86, Strategy.NATIVE, SampleResults.AMD64, "why"),
            true,
            true,
            null,
            List.of(check),
            List.of(),
            dir,
            null,
            null);

    new BuildReport(List.of(r)).write(dir.resolve("report"));
    String html = Files.readString(dir.resolve("report/report.html"));

    assertThat(html)
        .contains(
            "1 target: 0 built, 1 up to date",
            "wall time 0.0 s",
            "check: no-change check",
            "class=\"bar s-check o-reused\" data-stage=\"check\" style=\"left:0.00%;width:0.40%\"");
    assertThat(new BuildReport(List.of(r)).summary().get(1)).contains("up to date");
  }

  @Test
  void timelineHasALanePerBuilderWithItsTargetsInPlanOrder() throws Exception {
    TargetCatalog catalog = TargetCatalog.builtIn();
    BuilderNode box = new BuilderNode("box", "tcp://10.0.0.2:2376", SampleResults.AMD64, 1);
    List<TargetResult> results =
        List.of(
            built(
                new PlannedTarget(
                    catalog.resolve("x86_64-unknown-linux-gnu"),
                    Strategy.NATIVE,
                    SampleResults.LOCAL,
                    SampleResults.AMD64,
                    "why"),
                0,
                5),
            built(
                new PlannedTarget(
                    catalog.resolve("x86_64-unknown-linux-musl"),
                    Strategy.NATIVE,
                    box,
                    SampleResults.AMD64,
                    "why"),
                0,
                4),
            built(
                new PlannedTarget(
                    catalog.resolve("aarch64-apple-darwin"), Strategy.HOST, null, null, "why"),
                0,
                3),
            built(
                new PlannedTarget(
                    catalog.resolve("aarch64-unknown-linux-gnu"),
                    Strategy.CROSS,
                    SampleResults.LOCAL,
                    SampleResults.AMD64,
                    "why"),
                5,
                9));

    new BuildReport(results).write(dir.resolve("report"));
    String html = Files.readString(dir.resolve("report/report.html"));

    List<String> order = new ArrayList<>();
    Matcher m =
        Pattern.compile("data-(builder|target)=\"([^\"]+)\"")
            .matcher(
                html.substring(
                    html.indexOf("id=\"timeline\""),
                    html.indexOf("</section>", html.indexOf("id=\"timeline\""))));
    while (m.find()) {
      order.add(m.group(1) + " " + m.group(2));
    }
    assertThat(order)
        .containsExactly(
            "builder local",
            "target x86_64-unknown-linux-gnu",
            "target aarch64-unknown-linux-gnu",
            "builder box",
            "target x86_64-unknown-linux-musl",
            "builder host",
            "target aarch64-apple-darwin");
    assertThat(html)
        .contains(
            "<b class=\"m\">box</b> <span class=\"sub\">linux/amd64 &middot; 1 at once &middot;"
                + " 1 target</span>",
            "<b class=\"m\">host</b> <span class=\"sub\">this machine, no container");
  }

  private TargetResult built(PlannedTarget planned, double from, double to) {
    return new TargetResult(
        planned,
        false,
        false,
        null,
        List.of(SampleResults.stage("source", from, to, "built")),
        List.of(),
        dir,
        null,
        null);
  }

  @Test
  void tickStepsGiveAtMostEightIntervals() {
    assertThat(Timeline.step(0)).isEqualTo(0.1);
    assertThat(Timeline.step(0.7)).isEqualTo(0.1);
    assertThat(Timeline.step(7.9)).isEqualTo(1);
    assertThat(Timeline.step(112.4)).isEqualTo(15);
    assertThat(Timeline.step(20 * 60)).isEqualTo(300);
    assertThat(Timeline.step(5 * 3600)).isEqualTo(3600);
    assertThat(Timeline.tickLabel(0.3, 0.1)).isEqualTo("0.3 s");
    assertThat(Timeline.tickLabel(45, 15)).isEqualTo("45 s");
  }

  /** No script, no stylesheet or image from anywhere: the file alone is the page. */
  private static void selfContained(String html) {
    assertThat(html)
        .doesNotContain(
            "<script",
            "<link",
            "<img",
            " src=\"",
            " href=\"http",
            "url(",
            "@import",
            "http://",
            "https://");
  }

  private static Set<String> tags(String html) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("<(?!!)/?([A-Za-z][A-Za-z0-9]*)").matcher(html);
    while (m.find()) {
      names.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return names;
  }
}
