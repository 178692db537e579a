package dev.crossbuild.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.TargetResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-build summary: a console table, {@code report.json} for tools and {@code report.html} with a
 * timeline of every target's stages (parallelism and the slow leg visible at a glance).
 */
public final class BuildReport {

  private final List<TargetResult> results;

  public BuildReport(List<TargetResult> results) {
    this.results = List.copyOf(results);
  }

  /** Target, strategy, deps cache, seconds per stage, artifacts and their sizes. */
  public List<String> summary() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("TARGET", "STRATEGY", "DEPS", "DEPS s", "SOURCE s", "OUTPUTS s", "RESULT", "ARTIFACTS"));
    for (TargetResult r : results) {
      rows.add(List.of(
          r.planned().target().triple().value(),
          r.planned().strategy().id(),
          r.depsSource() == null ? "-" : r.depsSource(),
          seconds(r, "deps"),
          seconds(r, "source"),
          seconds(r, "outputs"),
          r.failed() ? "FAILED" : r.upToDate() ? "up to date" : "built",
          artifacts(r)));
    }
    return TextTable.render(rows);
  }

  /** Writes {@code report.json} and {@code report.html} into {@code dir}. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode targets = root.putArray("targets");
    for (TargetResult r : results) {
      ObjectNode t = targets.addObject();
      t.put("target", r.planned().target().triple().value());
      t.put("classifier", r.planned().target().classifier());
      t.put("strategy", r.planned().strategy().id());
      t.put("builder", r.planned().builder() == null ? null : r.planned().builder().id());
      t.put("reason", r.planned().reason());
      t.put("depsImage", r.depsImage());
      t.put("depsCacheHit", r.depsCacheHit());
      t.put("deps", r.depsSource());
      t.put("upToDate", r.upToDate());
      t.put("status", r.failed() ? "failed" : "ok");
      if (r.failed()) {
        t.put("error", r.failure().getMessage());
      }
      ArrayNode stages = t.putArray("stages");
      for (StageTiming s : r.stages()) {
        stages.addObject().put("stage", s.stage()).put("outcome", s.outcome())
            .put("start", s.start().toString()).put("end", s.end().toString())
            .put("seconds", s.elapsed().toMillis() / 1000.0);
      }
      ArrayNode outputs = t.putArray("outputs");
      for (TargetResult.OutputFile o : r.outputs()) {
        ObjectNode file = outputs.addObject().put("path", o.path()).put("bytes", o.size());
        if (o.linkTarget() != null) {
          file.put("link", o.linkTarget());
        }
      }
      t.put("glibcFloor", r.glibcFloor());
      ArrayNode binaries = t.putArray("binaries");
      for (BinaryInfo b : r.binaries()) {
        ObjectNode bin = binaries.addObject().put("path", b.path()).put("format", b.format().name())
            .put("machine", b.machine()).put("bits", b.bits()).put("dynamic", b.dynamic())
            .put("interpreter", b.interpreter()).put("glibc", b.glibc()).put("glibcxx", b.glibcxx());
        b.needed().forEach(bin.putArray("needed")::add);
      }
      t.put("smokeTest", r.smokeTest());
      t.put("log", r.log() == null ? null : r.log().toString());
      t.put("archive", r.archive() == null ? null : r.archive().getFileName().toString());
    }
    Files.writeString(dir.resolve("report.json"), mapper.writeValueAsString(root) + "\n");
    Files.writeString(dir.resolve("report.html"), Timeline.html(results));
  }

  private static String seconds(TargetResult r, String stage) {
    return r.stages().stream().filter(s -> s.stage().equals(stage)).findFirst()
        .map(s -> String.format(Locale.ROOT, "%.1f", s.elapsed().toMillis() / 1000.0)).orElse("-");
  }

  /**
   * One short cell: a few files by name, more as a count; total size; the glibc floor; the smoke test. The
   * whole list is in report.json and report.html.
   */
  static String artifacts(TargetResult r) {
    if (r.failed()) {
      return r.failure().getMessage().lines().findFirst().orElse("");
    }
    long total = r.outputs().stream().mapToLong(TargetResult.OutputFile::size).sum();
    List<String> parts = new ArrayList<>();
    if (r.outputs().size() <= 3) {
      r.outputs().forEach(o -> parts.add(o.path() + (o.linkTarget() == null ? " (" + size(o.size()) + ")"
          : " -> " + o.linkTarget())));
    } else {
      parts.add(r.outputs().size() + " files, " + size(total));
    }
    if (r.glibcFloor() != null) {
      parts.add("glibc>=" + r.glibcFloor());
    } else if (!r.binaries().isEmpty() && r.binaries().stream().noneMatch(b -> b.dynamic())) {
      parts.add("static");
    }
    if (r.smokeTest() != null) {
      parts.add("smoke " + (r.smokeTest().startsWith("skipped") ? "skipped" : r.smokeTest()));
    }
    return String.join(", ", parts);
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  /** Start of the earliest stage, end of the latest. */
  static Duration span(List<TargetResult> results, Instant[] bounds) {
    Instant first = null;
    Instant last = null;
    for (TargetResult r : results) {
      for (StageTiming s : r.stages()) {
        first = first == null || s.start().isBefore(first) ? s.start() : first;
        last = last == null || s.end().isAfter(last) ? s.end() : last;
      }
    }
    bounds[0] = first == null ? Instant.EPOCH : first;
    bounds[1] = last == null ? bounds[0] : last;
    return Duration.between(bounds[0], bounds[1]);
  }
}
