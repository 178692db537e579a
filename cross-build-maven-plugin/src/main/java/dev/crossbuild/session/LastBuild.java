package dev.crossbuild.session;

import dev.crossbuild.audit.BinaryAudit;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.Strategy;
import dev.crossbuild.config.TargetRequest;
import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.stage.Archives;
import dev.crossbuild.stage.SourceDigest;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.Stages;
import dev.crossbuild.stage.TargetLog;
import dev.crossbuild.stage.TargetResult;
import dev.crossbuild.target.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the last fully successful build was made from: a fingerprint of the whole configuration and
 * every context file, and the plan it followed. When the fingerprint still matches and every
 * archive is there, nothing can have changed and the build skips the engine altogether (no
 * connection, no plan, no build). A changed base image is not seen this way: {@code -Dcross.force}
 * rebuilds.
 */
final class LastBuild {

  private static final String FILE = "last-build.tsv";

  /**
   * Per target: triple, strategy, builder id, endpoint, native platform, slots, image platform,
   * reason.
   */
  private static final int FIELDS = 8;

  private LastBuild() {}

  /**
   * The fingerprint of a build: plugin version, configuration (maps sorted) and the context's
   * digest ({@link SourceDigest#files}).
   */
  static String fingerprint(CrossConfig config, String contextDigest, String pluginVersion) {
    String settings =
        String.join(
            "\n",
            List.of(
                "plugin=" + pluginVersion,
                "recipe=" + config.recipe(),
                "ca=" + (config.caCertificates() == null ? "" : config.caCertificates().digest()),
                "targets=" + config.targets().stream().map(LastBuild::describe).toList(),
                "images=" + new TreeMap<>(config.imageOverrides()),
                "builders=" + config.builders(),
                "engine=" + config.useEngine(),
                "outputs=" + config.outputRules(),
                "name=" + config.imageName() + " " + config.artifactId() + " " + config.version()));
    return SourceDigest.of(settings, contextDigest);
  }

  private static String describe(TargetRequest r) {
    return r.target().triple()
        + "/"
        + r.target().classifier()
        + "/"
        + r.forcedStrategy()
        + "/"
        + r.forcedBuilder();
  }

  /** Results marked up to date, when the fingerprint matches the last successful build's. */
  static Optional<List<TargetResult>> unchanged(CrossConfig config, String fingerprint)
      throws IOException {
    Path state = config.outputDir().resolve(".state").resolve(FILE);
    if (!Files.isRegularFile(state)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
    if (lines.isEmpty()
        || !lines.get(0).equals(fingerprint)
        || lines.size() - 1 != config.targets().size()) {
      return Optional.empty();
    }
    List<TargetResult> results = new ArrayList<>();
    for (int i = 0; i < config.targets().size(); i++) {
      String[] f = lines.get(i + 1).split("\t", -1);
      TargetRequest request = config.targets().get(i);
      Path archive = Archives.archiveOf(config, request.target());
      Path outDir = config.outputDir().resolve(request.target().triple().value());
      if (f.length != FIELDS
          || !f[0].equals(request.target().triple().value())
          || !Files.isRegularFile(archive)
          || !Files.isDirectory(outDir)) {
        return Optional.empty();
      }
      // The builder as the last build planned on it, so the summary and report name it as they did.
      BuilderNode builder =
          f[2].isEmpty()
              ? null
              : new BuilderNode(f[2], f[3], Platform.parse(f[4]), Integer.parseInt(f[5]));
      PlannedTarget planned =
          new PlannedTarget(
              request.target(),
              Strategy.parse(f[1]),
              builder,
              f[6].isEmpty() ? null : Platform.parse(f[6]),
              f[7]);
      Instant now = Instant.now();
      // The audit reads a few headers per file: cheap enough to show the same summary as the build
      // did.
      results.add(
          new TargetResult(
              planned,
              true,
              true,
              null,
              List.of(new StageTiming(Stages.CHECK, now, now, "up to date")),
              Archives.list(outDir),
              outDir,
              archive,
              null,
              BinaryAudit.readAll(outDir),
              null,
              TargetLog.fileOf(config.outputDir(), request.target().triple().value())));
    }
    return Optional.of(results);
  }

  /** Records a build whose every target succeeded. */
  static void record(CrossConfig config, String fingerprint, List<TargetResult> results)
      throws IOException {
    StringBuilder s = new StringBuilder(fingerprint).append('\n');
    for (TargetResult r : results) {
      PlannedTarget p = r.planned();
      BuilderNode b = p.builder();
      List<String> fields =
          List.of(
              p.target().triple().value(),
              p.strategy().id(),
              b == null ? "" : b.id(),
              b == null || b.endpoint() == null ? "" : b.endpoint(),
              b == null ? "" : b.nativePlatform().toString(),
              b == null ? "" : String.valueOf(b.maxParallel()),
              p.imagePlatform() == null ? "" : p.imagePlatform().toString(),
              p.reason());
      s.append(
              String.join(
                  "\t", fields.stream().map(v -> v.replace('\t', ' ').replace('\n', ' ')).toList()))
          .append('\n');
    }
    Path dir = Files.createDirectories(config.outputDir().resolve(".state"));
    Files.writeString(dir.resolve(FILE), s);
  }

  /** Forgets the last build, so that the next one plans and checks every target. */
  static void forget(CrossConfig config) throws IOException {
    Files.deleteIfExists(config.outputDir().resolve(".state").resolve(FILE));
  }
}
