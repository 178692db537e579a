package dev.crossbuild.stage;

import dev.crossbuild.plan.PlannedTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * What building one target produced.
 *
 * @param planned the plan for the target
 * @param depsCacheHit whether the deps image already existed
 * @param upToDate whether nothing had changed since the last build, so the engine was not asked to build
 * @param depsImage the deps image tag, or null when the build failed before it
 * @param stages the stages that ran, in order
 * @param outputs files collected from {@code /out}, relative to {@code outputDir}
 * @param outputDir {@code target/cross/<triple>}
 * @param archive the packed outputs, or null when the build failed
 * @param failure why it failed, or null
 */
public record TargetResult(
    PlannedTarget planned,
    boolean depsCacheHit,
    boolean upToDate,
    String depsImage,
    List<StageTiming> stages,
    List<OutputFile> outputs,
    Path outputDir,
    Path archive,
    RuntimeException failure) {

  public TargetResult {
    stages = List.copyOf(stages);
    outputs = List.copyOf(outputs);
  }

  public boolean failed() {
    return failure != null;
  }

  /** A file the build produced. */
  public record OutputFile(String path, long size) {}
}
