package dev.crossbuild.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.audit.NeededCheck;
import dev.crossbuild.plan.BuilderTiming;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.TargetResult;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code report.json}: every target with its plan, deps image, stages, outputs (size, SHA-256),
 * audit and smoke test; the builders that could not be reached, when there are any. Fields are only
 * ever added: the ITs, the benchmark and users' scripts read them.
 */
final class ReportJson {

  private ReportJson() {}

  static String render(List<ReportedTarget> targets, List<UnreachableBuilder> unreachable) {
    return render(targets, unreachable, List.of());
  }

  static String render(
      List<ReportedTarget> targets,
      List<UnreachableBuilder> unreachable,
      List<BuilderTiming> builderTimings) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    Span span = Span.of(targets.stream().map(ReportedTarget::result).toList());
    root.put("start", span.start().toString());
    root.put("wallSeconds", span.length().toMillis() / 1000.0);
    if (!unreachable.isEmpty()) {
      ArrayNode builders = root.putArray("unreachableBuilders");
      unreachable.forEach(
          u ->
              builders
                  .addObject()
                  .put("id", u.id())
                  .put("host", u.host())
                  .put("problem", u.problem()));
    }
    if (!builderTimings.isEmpty()) {
      ArrayNode builders = root.putArray("builders");
      builderTimings.forEach(
          b ->
              builders
                  .addObject()
                  .put("id", b.builder().id())
                  .put("endpoint", b.builder().endpoint())
                  .put("engine", b.engine())
                  .put("platform", b.builder().nativePlatform().toString())
                  .put("maxParallel", b.builder().maxParallel())
                  .put(
                      "targets",
                      targets.stream()
                          .filter(
                              t ->
                                  t.result().planned().builder() != null
                                      && t.result()
                                          .planned()
                                          .builder()
                                          .id()
                                          .equals(b.builder().id()))
                          .count())
                  .put("connectSeconds", b.connect().toMillis() / 1000.0)
                  .put("probeSeconds", b.probe().toMillis() / 1000.0));
    }
    ArrayNode array = root.putArray("targets");
    for (ReportedTarget target : targets) {
      target(array.addObject(), target.result(), target.checksums());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A tree of plain values always serialises", e);
    }
  }

  private static void target(ObjectNode t, TargetResult r, Checksums sums) {
    t.put("target", Results.triple(r));
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
      t.put("failedStage", Results.failedStage(r));
    }
    t.put("seconds", Results.elapsed(r).toMillis() / 1000.0);
    ArrayNode stages = t.putArray("stages");
    for (StageTiming s : r.stages()) {
      stages
          .addObject()
          .put("stage", s.stage())
          .put("outcome", s.outcome())
          .put("start", s.start().toString())
          .put("end", s.end().toString())
          .put("seconds", s.elapsed().toMillis() / 1000.0);
    }
    ArrayNode outputs = t.putArray("outputs");
    for (TargetResult.OutputFile o : r.outputs()) {
      ObjectNode file = outputs.addObject().put("path", o.path()).put("bytes", o.size());
      if (o.linkTarget() != null) {
        file.put("link", o.linkTarget());
      }
      if (sums.of(o) != null) {
        file.put("sha256", sums.of(o));
      }
    }
    t.put("glibcFloor", r.glibcFloor());
    t.put("abi", Results.abi(r));
    ArrayNode binaries = t.putArray("binaries");
    for (BinaryInfo b : r.binaries()) {
      ObjectNode bin =
          binaries
              .addObject()
              .put("path", b.path())
              .put("format", b.format().name())
              .put("machine", b.machine())
              .put("bits", b.bits())
              .put("dynamic", b.dynamic())
              .put("interpreter", b.interpreter())
              .put("glibc", b.glibc())
              .put("glibcxx", b.glibcxx())
              .put("libc", b.libc());
      b.needed().forEach(bin.putArray("needed")::add);
    }
    ArrayNode unlisted = t.putArray("unlistedLibraries");
    Set<String> shipped = new TreeSet<>();
    r.outputs().forEach(o -> shipped.add(o.path().substring(o.path().lastIndexOf('/') + 1)));
    for (NeededCheck.Unlisted u : NeededCheck.unlisted(r.binaries(), shipped)) {
      unlisted.addObject().put("path", u.path()).put("library", u.library());
    }
    t.put("smokeTest", r.smokeTest());
    t.put("log", r.log() == null ? null : r.log().toString());
    t.put("archive", r.archive() == null ? null : r.archive().getFileName().toString());
    if (sums.archiveSha256() != null) {
      t.put("archiveBytes", sums.archiveBytes());
      t.put("archiveSha256", sums.archiveSha256());
    }
  }
}
