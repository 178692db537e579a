package dev.crossbuild.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.audit.NeededCheck;
import dev.crossbuild.plan.BuilderTiming;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.TargetResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code report.json}: every target with its plan, deps image, stages, outputs (size, SHA-256),
 * audit and smoke test; the builders that could not be reached, when there are any. Fields are only
 * ever added: the ITs, the benchmark and users' scripts read them. Written with jackson-core's
 * streaming generator: every build writes it, up-to-date ones too, and a no-change build should not
 * pay for loading the data-binding layer.
 */
final class ReportJson {

  private static final JsonFactory JSON = new JsonFactory();

  private ReportJson() {}

  static String render(List<ReportedTarget> targets, List<UnreachableBuilder> unreachable) {
    return render(targets, unreachable, List.of());
  }

  static String render(
      List<ReportedTarget> targets,
      List<UnreachableBuilder> unreachable,
      List<BuilderTiming> builderTimings) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      Span span = Span.of(targets.stream().map(ReportedTarget::result).toList());
      g.writeStringField("start", span.start().toString());
      g.writeNumberField("wallSeconds", span.length().toMillis() / 1000.0);
      if (!unreachable.isEmpty()) {
        g.writeArrayFieldStart("unreachableBuilders");
        for (UnreachableBuilder u : unreachable) {
          g.writeStartObject();
          g.writeObjectField("id", u.id());
          g.writeObjectField("host", u.host());
          g.writeObjectField("problem", u.problem());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (!builderTimings.isEmpty()) {
        g.writeArrayFieldStart("builders");
        for (BuilderTiming b : builderTimings) {
          g.writeStartObject();
          g.writeObjectField("id", b.builder().id());
          g.writeObjectField("endpoint", b.builder().endpoint());
          g.writeObjectField("engine", b.engine());
          g.writeObjectField("platform", b.builder().nativePlatform().toString());
          g.writeObjectField("maxParallel", b.builder().maxParallel());
          g.writeNumberField(
              "targets",
              targets.stream()
                  .filter(
                      t ->
                          t.result().planned().builder() != null
                              && t.result().planned().builder().id().equals(b.builder().id()))
                  .count());
          g.writeNumberField("connectSeconds", b.connect().toMillis() / 1000.0);
          g.writeNumberField("probeSeconds", b.probe().toMillis() / 1000.0);
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("targets");
      for (ReportedTarget target : targets) {
        target(g, target.result(), target.checksums());
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write report.json", e);
    }
    return out + "\n";
  }

  private static void target(JsonGenerator g, TargetResult r, Checksums sums) throws IOException {
    g.writeStartObject();
    g.writeObjectField("target", Results.triple(r));
    g.writeObjectField("classifier", r.planned().target().classifier());
    g.writeObjectField("strategy", r.planned().strategy().id());
    g.writeObjectField(
        "builder", r.planned().builder() == null ? null : r.planned().builder().id());
    g.writeObjectField("reason", r.planned().reason());
    g.writeObjectField("depsImage", r.depsImage());
    g.writeObjectField("depsCacheHit", r.depsCacheHit());
    g.writeObjectField("deps", r.depsSource());
    g.writeObjectField("upToDate", r.upToDate());
    g.writeObjectField("status", r.failed() ? "failed" : "ok");
    if (r.failed()) {
      g.writeObjectField("error", r.failure().getMessage());
      g.writeObjectField("failedStage", Results.failedStage(r));
    }
    g.writeNumberField("seconds", Results.elapsed(r).toMillis() / 1000.0);
    g.writeArrayFieldStart("stages");
    for (StageTiming s : r.stages()) {
      g.writeStartObject();
      g.writeObjectField("stage", s.stage());
      g.writeObjectField("outcome", s.outcome());
      g.writeObjectField("start", s.start().toString());
      g.writeObjectField("end", s.end().toString());
      g.writeNumberField("seconds", s.elapsed().toMillis() / 1000.0);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("outputs");
    for (TargetResult.OutputFile o : r.outputs()) {
      g.writeStartObject();
      g.writeObjectField("path", o.path());
      g.writeObjectField("bytes", o.size());
      if (o.linkTarget() != null) {
        g.writeObjectField("link", o.linkTarget());
      }
      if (sums.of(o) != null) {
        g.writeObjectField("sha256", sums.of(o));
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectField("glibcFloor", r.glibcFloor());
    g.writeObjectField("abi", Results.abi(r));
    g.writeArrayFieldStart("binaries");
    for (BinaryInfo b : r.binaries()) {
      g.writeStartObject();
      g.writeObjectField("path", b.path());
      g.writeObjectField("format", b.format().name());
      g.writeObjectField("machine", b.machine());
      g.writeObjectField("bits", b.bits());
      g.writeObjectField("dynamic", b.dynamic());
      g.writeObjectField("interpreter", b.interpreter());
      g.writeObjectField("glibc", b.glibc());
      g.writeObjectField("glibcxx", b.glibcxx());
      g.writeObjectField("libc", b.libc());
      g.writeArrayFieldStart("needed");
      for (String needed : b.needed()) {
        g.writeString(needed);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("unlistedLibraries");
    Set<String> shipped = new TreeSet<>();
    r.outputs().forEach(o -> shipped.add(o.path().substring(o.path().lastIndexOf('/') + 1)));
    for (NeededCheck.Unlisted u : NeededCheck.unlisted(r.binaries(), shipped)) {
      g.writeStartObject();
      g.writeObjectField("path", u.path());
      g.writeObjectField("library", u.library());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectField("smokeTest", r.smokeTest());
    g.writeObjectField("log", r.log() == null ? null : r.log().toString());
    g.writeObjectField(
        "archive", r.archive() == null ? null : r.archive().getFileName().toString());
    if (sums.archiveSha256() != null) {
      g.writeObjectField("archiveBytes", sums.archiveBytes());
      g.writeObjectField("archiveSha256", sums.archiveSha256());
    }
    g.writeEndObject();
  }
}
