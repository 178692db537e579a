package dev.crossbuild.stage;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.recipe.BuildContext;
import dev.crossbuild.recipe.RecipeException;
import dev.crossbuild.recipe.TargetRecipe;
import dev.crossbuild.recipe.Toolchain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a target on this machine without a container (macOS and Windows targets on their own
 * runners, or {@code -Dcross.engine=none}): runs the build command with {@code sh} in the project
 * directory, then collects the artifacts into {@code target/cross/<triple>/} and packs them like a
 * container build.
 */
public final class HostBuild {

  private final CrossConfig config;
  private final PlannedTarget planned;
  private final List<String> contextFiles;
  private final BuildListener listener;
  private SourceRepository repository;

  /**
   * @param contextFiles the project's context files, for presets that read manifests
   */
  public HostBuild(
      CrossConfig config,
      PlannedTarget planned,
      List<String> contextFiles,
      BuildListener listener) {
    this.config = config;
    this.planned = planned;
    this.contextFiles = List.copyOf(contextFiles);
    this.listener = listener;
  }

  /**
   * The project's version and git state as variables, as container builds get them (the host build
   * runs in the work tree itself, so git answers directly).
   */
  public HostBuild withRepository(SourceRepository sourceRepository) {
    this.repository = sourceRepository;
    return this;
  }

  public TargetResult run() {
    String triple = planned.target().triple().value();
    Path outDir = config.outputDir().resolve(triple);
    Path archive = Archives.archiveOf(config, planned.target());
    List<StageTiming> timings = new ArrayList<>();
    Instant start = Instant.now();
    listener.stageStarted(triple, Stages.HOST);
    try (TargetLog log = TargetLog.open(config.outputDir(), triple)) {
      log.stage(Stages.HOST);
      try {
        return build(triple, outDir, archive, timings, start, log);
      } catch (IOException
          | InterruptedException
          | RecipeException
          | OutputAudit.OutputCheckException
          | SmokeTest.SmokeTestFailedException
          | UncheckedIOException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        String stage = timings.isEmpty() ? Stages.HOST : Stages.SMOKE;
        timings.add(
            new StageTiming(
                stage, timings.isEmpty() ? start : timings.get(0).end(), Instant.now(), "failed"));
        listener.stageFinished(triple, stage, "failed", timings.get(timings.size() - 1).elapsed());
        log.note("FAILED: " + e.getMessage());
        return new TargetResult(
            planned,
            false,
            false,
            null,
            timings,
            List.of(),
            outDir,
            null,
            new TargetBuildException(
                triple, stage, e.getMessage() + "\nThe whole log: " + log.file(), log.tail(), e),
            List.of(),
            null,
            log.file());
      }
    }
  }

  private TargetResult build(
      String triple,
      Path outDir,
      Path archive,
      List<StageTiming> timings,
      Instant start,
      TargetLog log)
      throws IOException, InterruptedException {
    Files.createDirectories(outDir);
    Files.deleteIfExists(
        archive); // a failed build must not leave the last one's archive to be released
    TargetRecipe steps =
        Toolchain.forTarget(
            config.recipe(),
            planned.target(),
            false,
            new BuildContext(config.projectDir(), contextFiles));
    ProcessBuilder pb =
        new ProcessBuilder("sh", "-eu", "-c", steps.buildCommand())
            .directory(config.projectDir().toFile())
            .redirectErrorStream(true);
    if (repository != null) {
      pb.environment().putAll(repository.variables());
    }
    pb.environment().putAll(steps.env()); // the POM's <env> wins
    pb.environment().put("CROSS_OUT", outDir.toString());
    pb.environment()
        .put("SOURCE_DATE_EPOCH", String.valueOf(config.outputRules().sourceDateEpoch()));
    Process process = pb.start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        listener.log(triple, line);
        log.line(line);
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException("the build command exited with " + exit);
    }
    collect(steps.artifacts(), outDir);
    if (Archives.list(outDir).isEmpty()) {
      throw new IOException(
          "the build left no outputs in "
              + outDir
              + ": set <artifacts> or make the build"
              + " command write into $CROSS_OUT");
    }
    List<dev.crossbuild.audit.BinaryInfo> binaries =
        OutputAudit.check(planned.target(), outDir, config.outputRules().glibcMax(), null);
    Archives.pack(outDir, archive, config.outputRules().sourceDateEpoch());
    timings.add(new StageTiming(Stages.HOST, start, Instant.now(), "built"));
    listener.stageFinished(triple, Stages.HOST, "built", timings.get(0).elapsed());
    String smoke = null;
    String smokeCommand = config.outputRules().smokeTestFor(triple);
    if (smokeCommand != null) {
      Instant smokeStart = Instant.now();
      listener.stageStarted(triple, Stages.SMOKE);
      log.stage(Stages.SMOKE);
      smoke = new SmokeTest(config, planned, null, null, log, listener).run(smokeCommand, outDir);
      timings.add(new StageTiming(Stages.SMOKE, smokeStart, Instant.now(), smoke));
      listener.stageFinished(triple, Stages.SMOKE, smoke, timings.get(1).elapsed());
    }
    return new TargetResult(
        planned,
        false,
        false,
        null,
        timings,
        Archives.list(outDir),
        outDir,
        archive,
        null,
        binaries,
        smoke,
        log.file());
  }

  /**
   * Copies each artifact (path or glob relative to the project) into the output directory by file
   * name.
   */
  private void collect(List<String> artifacts, Path outDir) throws IOException {
    Path root = config.projectDir();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String pattern : artifacts) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.strip());
      List<Path> matches;
      try (Stream<Path> walk = Files.walk(root)) {
        matches =
            walk.filter(Files::isRegularFile)
                .filter(p -> !p.startsWith(config.outputDir()))
                .filter(p -> matcher.matches(root.relativize(p)))
                .toList();
      }
      if (matches.isEmpty()) {
        throw new IOException(
            "artifact '" + pattern + "' not found in " + root + " after the build");
      }
      for (Path file : matches) {
        Path to = outDir.resolve(file.getFileName().toString());
        if (!names.add(file.getFileName().toString())) {
          throw new IOException(
              "two artifacts are named "
                  + file.getFileName()
                  + "; rename one or narrow"
                  + " the <artifacts> pattern '"
                  + pattern
                  + "'");
        }
        Files.copy(
            file, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
