package dev.crossbuild.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossbuild.stage.TargetResult;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code report.html} of the sample build in headless Chromium, as a user would: a screenshot
 * must be a PNG that shows the bars, and a copy of the page with a probe script appended (the
 * report itself has no script) reports what the browser laid out: every target row, every bar with
 * a width, the axis, the table fitting a 1280-pixel window, the failure's first line as text.
 * Skipped only when no Chromium is installed ({@code .ci/run} installs Debian's {@code chromium});
 * any other problem fails.
 */
class ReportInChromiumTest {

  private static final int WIDTH = 1280;
  private static final int HEIGHT = 1000;
  private static final List<String> BROWSERS =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  /** A shared 2-core CI machine can be slow to start a browser. */
  private static final long TIMEOUT_SECONDS = 120;

  /** Measures the laid-out page and writes it, as base64 JSON, into {@code body[data-probe]}. */
  private static final String PROBE =
      """
      <script>
      (function () {
        function box(e) { return e.getBoundingClientRect(); }
        var out = {scripts: document.scripts.length, viewport: innerWidth,
          pageWidth: document.documentElement.scrollWidth, rows: [], tableRows: [], errors: [], ticks: [],
          legend: []};
        document.querySelectorAll('.chart .row[data-target]').forEach(function (row) {
          var lane = box(row.querySelector('.lane'));
          var r = {target: row.getAttribute('data-target'), failed: row.classList.contains('failed'),
            laneWidth: lane.width, bars: []};
          row.querySelectorAll('.bar').forEach(function (bar) {
            var b = box(bar);
            r.bars.push({stage: bar.getAttribute('data-stage'), left: b.left - lane.left, width: b.width,
              height: b.height, color: getComputedStyle(bar).backgroundColor, label: bar.textContent});
          });
          out.rows.push(r);
        });
        document.querySelectorAll('.axis .tick').forEach(function (t) { out.ticks.push(t.textContent); });
        document.querySelectorAll('.legend li').forEach(function (li) {
          var sw = box(li.querySelector('.sw'));
          out.legend.push({text: li.textContent, width: sw.width, height: sw.height});
        });
        document.querySelectorAll('table.targets tbody tr[data-target]').forEach(function (tr) {
          out.tableRows.push({target: tr.getAttribute('data-target'), failed: tr.classList.contains('failed'),
            height: box(tr).height});
        });
        document.querySelectorAll('table.targets tr.error .err').forEach(function (e) {
          out.errors.push(e.textContent);
        });
        var scroll = document.querySelector('table.targets').parentElement;
        out.tableScrollWidth = scroll.scrollWidth;
        out.tableClientWidth = scroll.clientWidth;
        document.body.setAttribute('data-probe', btoa(unescape(encodeURIComponent(JSON.stringify(out)))));
      })();
      </script>
      """;

  @TempDir Path tmp;

  @Test
  void everyTargetRowAndBarIsLaidOut() throws Exception {
    Path chromium = chromium();
    List<TargetResult> results = SampleResults.write(tmp.resolve("build"));
    JsonNode page = probe(chromium, results);

    List<String> triples = results.stream().map(Results::triple).toList();
    assertThat(texts(page.get("rows"), "target"))
        .as("one timeline row per target")
        .isEqualTo(triples);
    assertThat(texts(page.get("tableRows"), "target"))
        .as("one table row per target")
        .isEqualTo(triples);
    for (int i = 0; i < results.size(); i++) {
      JsonNode row = page.get("rows").get(i);
      assertThat(row.get("bars"))
          .as("a bar per stage of " + triples.get(i))
          .hasSize(results.get(i).stages().size());
      for (JsonNode bar : row.get("bars")) {
        String what = triples.get(i) + " " + bar.get("stage").asText();
        assertThat(bar.get("width").asDouble()).as(what + " rendered width").isGreaterThan(0);
        assertThat(bar.get("height").asDouble()).as(what + " rendered height").isGreaterThan(0);
        assertThat(bar.get("left").asDouble())
            .as(what + " starts inside its lane")
            .isGreaterThanOrEqualTo(-0.5);
        assertThat(bar.get("left").asDouble() + bar.get("width").asDouble())
            .as(what + " ends inside its lane")
            .isLessThanOrEqualTo(row.get("laneWidth").asDouble() + 0.5);
      }
      assertThat(page.get("tableRows").get(i).get("height").asDouble()).isGreaterThan(0);
    }
    // The axis runs to 120 s: the slow leg's 66.5 s source stage is that share of its lane.
    JsonNode riscv = page.get("rows").get(2);
    JsonNode source = riscv.get("bars").get(2);
    assertThat(source.get("label").asText()).isEqualTo("source built 66.5 s");
    assertThat(source.get("width").asDouble() / riscv.get("laneWidth").asDouble())
        .isCloseTo(66.5 / 120, within(0.005));
    assertThat(texts(page.get("ticks"), null))
        .containsExactly("0 s", "15 s", "30 s", "45 s", "60 s", "75 s", "90 s", "105 s", "120 s");
    JsonNode failed = page.get("rows").get(3);
    assertThat(failed.get("failed").asBoolean()).isTrue();
    assertThat(failed.get("bars").get(2).get("color").asText())
        .as("the failed stage is red")
        .isEqualTo("rgb(192, 57, 43)");
    assertThat(page.get("tableRows").get(3).get("failed").asBoolean()).isTrue();
    assertThat(texts(page.get("errors"), null)).containsExactly(SampleResults.ERROR_LINE);
    assertThat(texts(page.get("legend"), "text"))
        .contains("deps: deps image", "source: source build", "failed");
    page.get("legend")
        .forEach(
            item -> assertThat(item.get("width").asDouble()).as(item.toString()).isGreaterThan(0));
    assertThat(page.get("pageWidth").asInt())
        .as("no sideways scrolling at " + WIDTH + " px")
        .isLessThanOrEqualTo(page.get("viewport").asInt());
    assertThat(page.get("tableScrollWidth").asInt())
        .as("the whole targets table fits at " + WIDTH + " px")
        .isLessThanOrEqualTo(page.get("tableClientWidth").asInt());
    assertThat(page.get("scripts").asInt()).as("the probe is the only script").isEqualTo(1);
  }

  @Test
  void screenshotIsAPngThatShowsTheBars() throws Exception {
    Path chromium = chromium();
    Path html = report(SampleResults.write(tmp.resolve("build")));
    Path png = html.resolveSibling("report.png");

    run(chromium, "--screenshot=" + png, html.toUri().toString());

    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).as("a PNG file").startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    assertThat(pixels(image, 0x2e8b57)).as("source-stage green on screen").isGreaterThan(2000);
    assertThat(pixels(image, 0x3572b0)).as("deps-stage blue on screen").isGreaterThan(1000);
    assertThat(pixels(image, 0xc0392b)).as("failed red on screen").isGreaterThan(300);
  }

  @Test
  void markupInNamesAndMessagesStaysText() throws Exception {
    Path chromium = chromium();
    List<TargetResult> hostile = SampleResults.hostile(tmp.resolve("build"));
    JsonNode page = probe(chromium, hostile);

    List<String> triples = hostile.stream().map(Results::triple).toList();
    assertThat(texts(page.get("rows"), "target")).isEqualTo(triples);
    assertThat(texts(page.get("tableRows"), "target")).isEqualTo(triples);
    assertThat(texts(page.get("errors"), null)).containsExactly(Results.errorLine(hostile.get(1)));
    assertThat(page.get("scripts").asInt()).as("no script came in with a name").isEqualTo(1);
  }

  /** Writes the report, appends the probe to a copy and returns what it measured. */
  private JsonNode probe(Path chromium, List<TargetResult> results) throws Exception {
    Path html = report(results);
    Path probed = html.resolveSibling("probed.html");
    Files.writeString(probed, Files.readString(html).replace("</body>", PROBE + "</body>"));
    String dom = run(chromium, "--dump-dom", probed.toUri().toString());
    Matcher m = Pattern.compile("data-probe=\"([A-Za-z0-9+/=]+)\"").matcher(dom);
    if (!m.find()) {
      fail(
          "Chromium's DOM has no probe result (did the page load?):\n"
              + dom.lines().limit(30).toList());
    }
    return new ObjectMapper()
        .readTree(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
  }

  private Path report(List<TargetResult> results) throws IOException {
    Path dir = tmp.resolve("cross");
    new BuildReport(results).write(dir);
    return dir.resolve("report.html");
  }

  /** Runs headless Chromium with its own profile; returns its standard output. */
  private String run(Path chromium, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"),
                "--window-size=" + WIDTH + "," + HEIGHT));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "chromium", ".out");
    Path err = Files.createTempFile(tmp, "chromium", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail(
          "Chromium did not finish in "
              + TIMEOUT_SECONDS
              + " s: "
              + String.join(" ", command)
              + "\n"
              + tail(err));
    }
    assertThat(process.exitValue())
        .as("exit code of %s\n%s", String.join(" ", command), tail(err))
        .isZero();
    return Files.readString(out);
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** The first of {@link #BROWSERS} on the PATH; the test is skipped when there is none. */
  private static Path chromium() {
    Optional<Path> found =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .flatMap(dir -> BROWSERS.stream().map(name -> Path.of(dir, name)))
            .filter(Files::isExecutable)
            .findFirst();
    assumeTrue(
        found.isPresent(),
        "No Chromium on the PATH (looked for "
            + String.join(", ", BROWSERS)
            + "): report.html is not checked in a browser. Install it with: apt-get install chromium");
    return found.get();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
    return texts;
  }

  /** Pixels within a few steps of {@code rgb} on every channel (anti-aliasing aside). */
  private static int pixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (near(p >> 16, rgb >> 16) && near(p >> 8, rgb >> 8) && near(p, rgb)) {
          count++;
        }
      }
    }
    return count;
  }

  private static boolean near(int a, int b) {
    return Math.abs((a & 0xff) - (b & 0xff)) <= 4;
  }
}
