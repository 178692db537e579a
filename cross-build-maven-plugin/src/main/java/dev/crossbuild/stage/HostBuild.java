package dev.crossbuild.stage;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.recipe.Recipe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a target on this machine without a container (macOS and Windows targets on their own runners,
 * or {@code -Dcross.engine=none}): runs the build command with {@code sh} in the project directory, then
 * collects the artifacts into {@code target/cross/<triple>/} and packs them like a container build.
 */
final class HostBuild {

  private final CrossConfig config;
  private final PlannedTarget planned;
  private final BuildListener listener;

  HostBuild(CrossConfig config, PlannedTarget planned, BuildListener listener) {
    this.config = config;
    this.planned = planned;
    this.listener = listener;
  }

  TargetResult run() {
    String triple = planned.target().triple().value();
    Recipe recipe = config.recipe();
    Path outDir = config.outputDir().resolve(triple);
    Path archive = Archives.archiveOf(config, planned.target());
    List<StageTiming> timings = new ArrayList<>();
    Deque<String> tail = new ArrayDeque<>();
    Instant start = Instant.now();
    listener.stageStarted(triple, "host");
    try {
      Files.createDirectories(outDir);
      ProcessBuilder pb = new ProcessBuilder("sh", "-eu", "-c", recipe.buildCommand())
          .directory(config.projectDir().toFile()).redirectErrorStream(true);
      pb.environment().putAll(recipe.env());
      pb.environment().put("CROSS_TARGET", triple);
      pb.environment().put("CROSS_CLASSIFIER", planned.target().classifier());
      pb.environment().put("CROSS_OUT", outDir.toString());
      Process process = pb.start();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          listener.log(triple, line);
          tail.addLast(line);
          if (tail.size() > 40) {
            tail.removeFirst();
          }
        }
      }
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IOException("the build command exited with " + exit);
      }
      collect(recipe.artifacts(), outDir);
      Archives.tarGz(outDir, archive);
      timings.add(new StageTiming("host", start, Instant.now(), "built"));
      listener.stageFinished(triple, "host", "built", timings.get(0).elapsed());
      return new TargetResult(planned, false, false, null, timings, Archives.list(outDir), outDir, archive, null);
    } catch (IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      timings.add(new StageTiming("host", start, Instant.now(), "failed"));
      listener.stageFinished(triple, "host", "failed", timings.get(0).elapsed());
      return new TargetResult(planned, false, false, null, timings, List.of(), outDir, null,
          new TargetBuildException(triple, "host", e.getMessage(), List.copyOf(tail), e));
    }
  }

  /** Copies each artifact (path or glob relative to the project) into the output directory. */
  private void collect(List<String> artifacts, Path outDir) throws IOException {
    Path root = config.projectDir();
    for (String pattern : artifacts) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.strip());
      List<Path> matches;
      try (Stream<Path> walk = Files.walk(root)) {
        matches = walk.filter(Files::isRegularFile)
            .filter(p -> !p.startsWith(config.outputDir()))
            .filter(p -> matcher.matches(root.relativize(p)))
            .toList();
      }
      if (matches.isEmpty()) {
        throw new IOException("artifact '" + pattern + "' not found in " + root + " after the build");
      }
      for (Path file : matches) {
        Path to = outDir.resolve(root.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
