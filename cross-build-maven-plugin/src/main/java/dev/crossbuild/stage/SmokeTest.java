package dev.crossbuild.stage;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.engine.ImageBuild;
import dev.crossbuild.engine.RunResult;
import dev.crossbuild.engine.SafeTarExtractor;
import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.plan.EmulationProbe;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@code <smokeTest>} on the target's own platform: a container of the target platform's base
 * image (plus {@code <smokePackages>}), natively or under QEMU, with the outputs copied into its
 * working directory. A cross build's deps image is of the builder's platform, so it can't serve
 * here. A platform that can't run on the builder is skipped with the reason; it never passes
 * silently.
 */
final class SmokeTest {

  /** The smoke test's working directory in its container. */
  static final String WORKDIR = "/smoke";

  private final CrossConfig config;
  private final PlannedTarget planned;
  private final ContainerEngine engine;
  private final EmulationProbe probe;
  private final TargetLog log;
  private final BuildListener listener;

  SmokeTest(
      CrossConfig config,
      PlannedTarget planned,
      ContainerEngine engine,
      EmulationProbe probe,
      TargetLog log,
      BuildListener listener) {
    this.config = config;
    this.planned = planned;
    this.engine = engine;
    this.probe = probe;
    this.log = log;
    this.listener = listener;
  }

  /**
   * @return {@code passed} or {@code skipped: <why>}
   * @throws SmokeTestFailedException when the command exits non-zero
   */
  String run(String command, Path outDir) {
    return run(command, outDir, List.of());
  }

  /**
   * @param runtime Debian packages the outputs need beyond {@code <smokePackages>}: {@code musl}
   *     for a musl target with dynamically linked outputs (a Debian image has no musl loader)
   * @return {@code passed} or {@code skipped: <why>}
   * @throws SmokeTestFailedException when the command exits non-zero
   */
  String run(String command, Path outDir, List<String> runtime) {
    Target target = planned.target();
    String triple = target.triple().value();
    Platform platform = target.platform();
    if (planned.builder() == null) {
      return onHost(command, outDir);
    }
    String why = cannotRun(planned.builder(), platform);
    if (why != null) {
      return skipped(why);
    }
    String base = target.baseImage();
    if (base == null) {
      return skipped("no base image is known for " + platform);
    }
    if (engine.inspectImage(base).isEmpty()) {
      try {
        engine.pullImage(base, platform);
      } catch (EngineException e) {
        return skipped(
            "no " + platform + " image to run it in (" + base + ": " + e.getMessage() + ")");
      }
    }
    List<String> packages = new ArrayList<>(config.outputRules().smokePackages());
    runtime.stream().filter(p -> !packages.contains(p)).forEach(packages::add);
    String image = packages.isEmpty() ? base : withPackages(base, platform, packages);
    List<String> cmd = List.of("/bin/sh", "-eu", "-c", command);
    Map<String, String> env =
        Map.of("CROSS_TARGET", triple, "CROSS_CLASSIFIER", target.classifier());
    RunResult result;
    Path files = withSmokeFiles(outDir);
    try {
      result =
          engine.runWithFiles(
              image,
              platform,
              cmd,
              Labels.container(config.imageName(), triple, Stages.SMOKE),
              env,
              files,
              WORKDIR);
    } finally {
      if (!files.equals(outDir)) {
        deleteQuietly(files);
      }
    }
    return outcome(command, result);
  }

  /**
   * A host build runs on the target's own machine (a macOS or Windows runner): the test runs right
   * there.
   */
  private String onHost(String command, Path outDir) {
    Path files = withSmokeFiles(outDir);
    try {
      ProcessBuilder pb =
          new ProcessBuilder("sh", "-eu", "-c", command)
              .directory(files.toFile())
              .redirectErrorStream(true);
      pb.environment().put("CROSS_TARGET", planned.target().triple().value());
      pb.environment().put("CROSS_CLASSIFIER", planned.target().classifier());
      Process process = pb.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return outcome(command, new RunResult(process.waitFor(), output));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run the smoke test on this machine", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmokeTestFailedException(
          "Interrupted while running <smokeTest>" + command + "</smokeTest>");
    } finally {
      if (!files.equals(outDir)) {
        deleteQuietly(files);
      }
    }
  }

  private String outcome(String command, RunResult result) {
    String triple = planned.target().triple().value();
    result
        .output()
        .lines()
        .filter(l -> !l.isBlank())
        .forEach(
            l -> {
              log.line(l);
              listener.output(triple, "smoke | " + l);
            });
    if (result.exitCode() != 0) {
      throw new SmokeTestFailedException(
          "<smokeTest>"
              + command
              + "</smokeTest> exited with "
              + result.exitCode()
              + " on "
              + planned.target().platform()
              + ". Its output is above.");
    }
    return "passed";
  }

  /**
   * The outputs, plus {@code <smokeFiles>} at their project-relative paths, in a directory of their
   * own (the output directory itself when there are none): nothing of the smoke test reaches the
   * archive.
   */
  private Path withSmokeFiles(Path outDir) {
    List<String> extra = config.outputRules().smokeFiles();
    if (extra.isEmpty()) {
      return outDir;
    }
    Path dir =
        config.outputDir().resolve(".state").resolve("smoke-" + planned.target().triple().value());
    try {
      deleteQuietly(dir);
      copyTree(outDir, dir);
      for (String name : extra) {
        Path from = config.projectDir().resolve(name).normalize();
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
          throw new SmokeTestFailedException(
              "<smokeFiles> names "
                  + name
                  + ", which is not in "
                  + config.projectDir()
                  + ". Build it before cross:build runs, or remove it from <smokeFiles>.");
        }
        copyTree(from, dir.resolve(name));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lay out the smoke test's files in " + dir, e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      SafeTarExtractor.deleteRecursively(dir);
    } catch (UncheckedIOException ignored) {
      // a leftover under target/ is harmless and goes with mvn clean
    }
  }

  private String skipped(String why) {
    String line = "smoke test skipped: " + why;
    log.line(line);
    listener.output(planned.target().triple().value(), line);
    return "skipped: " + why;
  }

  /** Why the builder can't run the platform, or null when it can (natively or under QEMU). */
  private String cannotRun(BuilderNode builder, Platform platform) {
    if (sameMachine(builder.nativePlatform(), platform)) {
      return null;
    }
    if (probe != null && probe.canEmulate(builder, platform)) {
      return null;
    }
    String arch = platform.arch().equals("arm") ? "arm" : platform.arch();
    return "builder '"
        + builder.id()
        + "' ("
        + builder.nativePlatform()
        + ") cannot run "
        + platform
        + ": QEMU is not registered for it. Run: docker run --privileged --rm tonistiigi/binfmt --install "
        + arch;
  }

  private static boolean sameMachine(Platform a, Platform b) {
    return a != null && a.os().equals(b.os()) && a.arch().equals(b.arch());
  }

  /** The base image plus the smoke packages, built once per base image ID and package list. */
  private String withPackages(String base, Platform platform, List<String> packages) {
    String baseId = engine.inspectImage(base).orElseThrow().id();
    String dockerfile =
        "# Generated by cross-build: the smoke test's runtime.\nFROM "
            + base
            + "\n"
            + "RUN export DEBIAN_FRONTEND=noninteractive; apt-get update -qq;"
            + " apt-get install -y -qq --no-install-recommends "
            + String.join(" ", packages)
            + " >/dev/null;"
            + " rm -rf /var/lib/apt/lists/*\n";
    String tag =
        config.imageName()
            + "-smoke:"
            + planned.target().triple().value()
            + "-"
            + sha256(baseId + "\n" + dockerfile).substring(0, 16);
    if (engine.inspectImage(tag).isEmpty()) {
      ContextTar context =
          new ContextTar().addFile("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
      engine.buildImage(
          new ImageBuild(
              context::writeTo,
              "Dockerfile",
              List.of(tag),
              platform,
              Labels.of(config.imageName(), planned.target().triple().value(), Stages.SMOKE),
              Map.of()),
          log::line);
    }
    return tag;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The smoke test ran and failed. */
  static final class SmokeTestFailedException extends RuntimeException {
    SmokeTestFailedException(String message) {
      super(message);
    }
  }
}
