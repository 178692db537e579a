package dev.crossbuild.stage;

import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.audit.GlibcVersions;
import dev.crossbuild.plan.PlannedTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * What building one target produced.
 *
 * @param planned the plan for the target
 * @param depsCacheHit whether the deps image already existed
 * @param upToDate whether nothing had changed since the last build, so the engine was not asked to
 *     build
 * @param depsImage the deps image tag, or null when the build failed before it
 * @param stages the stages that ran, in order
 * @param outputs files collected from {@code /out}, relative to {@code outputDir}
 * @param outputDir {@code target/cross/<triple>}
 * @param archive the packed outputs, or null when the build failed
 * @param failure why it failed, or null
 * @param binaries the audit of every binary output (machine, NEEDED, glibc floor), sorted by path
 * @param smokeTest what the smoke test did: {@code passed}, {@code skipped: <why>}, or null when
 *     none ran
 * @param log the target's whole build log, or null
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
    RuntimeException failure,
    List<BinaryInfo> binaries,
    String smokeTest,
    Path log) {

  public TargetResult {
    stages = List.copyOf(stages);
    outputs = List.copyOf(outputs);
    binaries = binaries == null ? List.of() : List.copyOf(binaries);
  }

  /** A result without audit, smoke test or log. */
  public TargetResult(
      PlannedTarget planned,
      boolean depsCacheHit,
      boolean upToDate,
      String depsImage,
      List<StageTiming> stages,
      List<OutputFile> outputs,
      Path outputDir,
      Path archive,
      RuntimeException failure) {
    this(
        planned,
        depsCacheHit,
        upToDate,
        depsImage,
        stages,
        outputs,
        outputDir,
        archive,
        failure,
        List.of(),
        null,
        null);
  }

  /** This result with another failure (the same one, worded for the user). */
  public TargetResult withFailure(RuntimeException other) {
    return new TargetResult(
        planned,
        depsCacheHit,
        upToDate,
        depsImage,
        stages,
        outputs,
        outputDir,
        archive,
        other,
        binaries,
        smokeTest,
        log);
  }

  /**
   * Where the deps image came from: {@code hit} (the engine had it), {@code pulled} (from the
   * registry cache), {@code built}, or null when the deps stage did not finish.
   */
  public String depsSource() {
    for (StageTiming s : stages) {
      if (s.stage().equals(Stages.DEPS)) {
        return switch (s.outcome()) {
          case "cached" -> "hit";
          case "pulled", "built" -> s.outcome();
          default -> null;
        };
      }
    }
    return upToDate && depsImage != null ? "hit" : null;
  }

  /**
   * The highest glibc version any output requires, or null when none is dynamically linked to
   * glibc.
   */
  public String glibcFloor() {
    String floor = null;
    for (BinaryInfo b : binaries) {
      floor = GlibcVersions.max(floor, b.glibc());
    }
    return floor;
  }

  public boolean failed() {
    return failure != null;
  }

  /**
   * A file or symbolic link the build produced.
   *
   * @param path relative to {@code outputDir}, '/'-separated
   * @param size in bytes; 0 for a link
   * @param linkTarget where a link points, as written in it (relative to its directory), or null
   *     for a file
   */
  public record OutputFile(String path, long size, String linkTarget) {

    /** A regular file. */
    public OutputFile(String path, long size) {
      this(path, size, null);
    }

    /** Whether this is a symbolic link. */
    public boolean link() {
      return linkTarget != null;
    }
  }
}
