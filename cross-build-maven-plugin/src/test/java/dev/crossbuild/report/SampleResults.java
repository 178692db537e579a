package dev.crossbuild.report;

import dev.crossbuild.audit.BinaryFormat;
import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.config.Strategy;
import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.stage.StageTiming;
import dev.crossbuild.stage.TargetBuildException;
import dev.crossbuild.stage.TargetResult;
import dev.crossbuild.stage.TargetResult.OutputFile;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import dev.crossbuild.target.TargetCatalog;
import dev.crossbuild.target.TargetTriple;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built four-target build with fixed times, so that its reports are the same on every run: a
 * native target with a deps cache hit, a cross target whose deps image was pulled (links, a C++
 * library and a file name with {@code &}, quotes and {@code <}), a slow emulated target that built
 * its deps, and a cross target that failed in its source stage. The files the results name are
 * written under a directory, with fixed contents, for the checksums.
 */
final class SampleResults {

  static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
  static final Platform AMD64 = Platform.parse("linux/amd64");
  static final BuilderNode LOCAL =
      new BuilderNode("local", "unix:///var/run/docker.sock", AMD64, 2);

  /** The failed target's first line of error, as the summary and the page show it. */
  static final String ERROR_LINE =
      "Target armv7-unknown-linux-gnueabihf, source stage: the image build failed: "
          + "The command '/bin/sh -c sh /cross-build.sh' returned a non-zero code: 2";

  /** Markup and quotes, for names and messages that must stay text. */
  static final String NASTY = "x<b>&\"'</b>";

  private SampleResults() {}

  static List<TargetResult> write(Path dir) throws IOException {
    TargetCatalog catalog = TargetCatalog.builtIn();
    List<TargetResult> results = new ArrayList<>();

    Target x86 = catalog.resolve("x86_64-unknown-linux-gnu");
    results.add(
        result(
            dir,
            planned(x86, Strategy.NATIVE, AMD64, "builder 'local' runs linux/amd64 natively"),
            true,
            List.of(
                stage("base", 0.0, 0.4, "ready"),
                stage("deps", 0.4, 0.5, "cached"),
                stage("source", 0.5, 6.2, "built"),
                stage("outputs", 6.2, 7.0, "copied"),
                stage("smoke", 7.0, 7.9, "passed")),
            List.of(file(dir, x86, "hello", 16_100)),
            List.of(
                elf(
                    "hello",
                    "amd64",
                    true,
                    "/lib64/ld-linux-x86-64.so.2",
                    List.of("libc.so.6"),
                    "2.34",
                    null)),
            "passed"));

    Target arm = catalog.resolve("aarch64-unknown-linux-gnu");
    results.add(
        result(
            dir,
            planned(
                arm,
                Strategy.CROSS,
                AMD64,
                "no linux/arm64 builder; cross-compiles with aarch64-linux-gnu-gcc on 'local' (linux/amd64)"),
            false,
            List.of(
                stage("base", 0.1, 0.9, "ready"),
                stage("deps", 0.9, 6.7, "pulled"),
                stage("source", 6.7, 12.5, "built"),
                stage("outputs", 12.5, 13.1, "copied"),
                stage(
                    "smoke",
                    13.1,
                    13.3,
                    "skipped: linux/arm64 does not run on 'local' (no QEMU binfmt)")),
            List.of(
                file(dir, arm, "include/greet.h", 310),
                new OutputFile("lib/libgreet.so", 0, "libgreet.so.1"),
                new OutputFile("lib/libgreet.so.1", 0, "libgreet.so.1.2.3"),
                file(dir, arm, "lib/libgreet.so.1.2.3", 70_400),
                file(dir, arm, "share/notes & \"quotes\" <draft>.txt", 42)),
            List.of(
                elf(
                    "lib/libgreet.so.1.2.3",
                    "arm64",
                    true,
                    null,
                    List.of("libstdc++.so.6", "libc.so.6"),
                    "2.17",
                    "3.4.21")),
            "skipped: linux/arm64 does not run on 'local' (no QEMU binfmt)"));

    Target riscv = catalog.resolve("riscv64gc-unknown-linux-gnu");
    results.add(
        result(
            dir,
            planned(
                riscv,
                Strategy.EMULATED,
                Platform.parse("linux/riscv64"),
                "forced by <strategy>emulated</strategy>; QEMU on 'local' (expect 10-50x slower)"),
            false,
            List.of(
                stage("base", 0.2, 3.0, "ready"),
                stage("deps", 3.0, 41.5, "built"),
                stage("source", 41.5, 108.0, "built"),
                stage("outputs", 108.0, 109.2, "copied"),
                stage("smoke", 109.2, 112.4, "passed")),
            List.of(file(dir, riscv, "hello", 612_000)),
            List.of(elf("hello", "riscv64", false, null, List.of(), null, null)),
            "passed"));

    Target armhf = catalog.resolve("armv7-unknown-linux-gnueabihf");
    PlannedTarget armhfPlan =
        planned(
            armhf,
            Strategy.CROSS,
            AMD64,
            "no linux/arm/v7 builder; cross-compiles with arm-linux-gnueabihf-gcc on 'local' (linux/amd64)");
    TargetBuildException failure =
        new TargetBuildException(
            armhf.triple().value(),
            "source",
            "the image build failed: The command '/bin/sh -c sh /cross-build.sh' returned a non-zero code: 2\n"
                + "The whole log: target/cross/armv7-unknown-linux-gnueabihf.build.log",
            List.of(
                "In file included from <command-line>:",
                "hello.c: In function 'main':",
                "hello.c:3:10: error: 'undeclared_variable' undeclared (first use in this function)",
                "make: *** [Makefile:2: hello] Error 1"),
            null);
    results.add(
        new TargetResult(
            armhfPlan,
            false,
            false,
            "hello-deps:armv7-unknown-linux-gnueabihf-89abcdef01234567",
            List.of(
                stage("base", 0.2, 1.0, "ready"),
                stage("deps", 1.0, 8.4, "built"),
                stage("source", 8.4, 15.9, "failed")),
            List.of(),
            dir.resolve(armhf.triple().value()),
            null,
            failure,
            List.of(),
            null,
            log(armhf)));
    return results;
  }

  /**
   * Two targets whose every string (triple, classifier, reason, deps image, paths, link, smoke
   * test, log, error, log tail) holds markup and quotes: one built, one failed in its deps stage.
   */
  static List<TargetResult> hostile(Path dir) throws IOException {
    Path out = Files.createDirectories(dir.resolve("evil"));
    Files.writeString(out.resolve("a&b <c>\".txt"), "x");
    PlannedTarget ok = hostilePlan("evil-" + NASTY + "-linux");
    PlannedTarget bad = hostilePlan("worse-</div>\"&<i>-linux");
    return List.of(
        new TargetResult(
            ok,
            true,
            false,
            "img:" + NASTY,
            List.of(stage("source", 0, 1, "built")),
            List.of(new OutputFile("a&b <c>\".txt", 1), new OutputFile("l<ink>", 0, "t\"&<")),
            out,
            null,
            null,
            List.of(),
            "skipped: " + NASTY,
            Path.of("log <&\"'.log")),
        new TargetResult(
            bad,
            false,
            false,
            null,
            List.of(stage("deps", 0, 2, "failed")),
            List.of(),
            out,
            null,
            new TargetBuildException(
                bad.target().triple().value(),
                "deps",
                "boom " + NASTY + "\n<img src=x>",
                List.of("tail " + NASTY),
                null),
            List.of(),
            null,
            null));
  }

  private static PlannedTarget hostilePlan(String triple) {
    Target target =
        new Target(
            new TargetTriple(triple, "evil", NASTY, "linux", ""),
            AMD64,
            "linux-x86_64" + NASTY,
            null,
            null,
            null);
    return new PlannedTarget(
        target, Strategy.NATIVE, LOCAL, AMD64, "reason " + NASTY + " <script>alert(1)</script>");
  }

  static PlannedTarget planned(Target target, Strategy strategy, Platform image, String reason) {
    return new PlannedTarget(target, strategy, LOCAL, image, reason);
  }

  static StageTiming stage(String name, double from, double to, String outcome) {
    return new StageTiming(name, at(from), at(to), outcome);
  }

  static Instant at(double seconds) {
    return START.plusMillis(Math.round(seconds * 1000));
  }

  private static TargetResult result(
      Path dir,
      PlannedTarget planned,
      boolean depsHit,
      List<StageTiming> stages,
      List<OutputFile> outputs,
      List<BinaryInfo> binaries,
      String smoke)
      throws IOException {
    String triple = planned.target().triple().value();
    Path archive = dir.resolve("hello-1.0-" + planned.target().classifier() + ".tar.gz");
    Files.writeString(archive, ("archive of " + triple + "\n").repeat(50));
    return new TargetResult(
        planned,
        depsHit,
        false,
        "hello-deps:" + triple + "-0123456789abcdef",
        stages,
        outputs,
        dir.resolve(triple),
        archive,
        null,
        binaries,
        smoke,
        log(planned.target()));
  }

  private static Path log(Target target) {
    return Path.of("target/cross/" + target.triple().value() + ".build.log");
  }

  /** A regular output file of {@code size} bytes whose content depends only on its path. */
  static OutputFile file(Path dir, Target target, String path, int size) throws IOException {
    Path file = dir.resolve(target.triple().value()).resolve(path);
    Files.createDirectories(file.getParent());
    byte[] pattern = (target.triple().value() + "/" + path + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = pattern[i % pattern.length];
    }
    Files.write(file, bytes);
    return new OutputFile(path, size);
  }

  static BinaryInfo elf(
      String path,
      String machine,
      boolean dynamic,
      String interpreter,
      List<String> needed,
      String glibc,
      String glibcxx) {
    return new BinaryInfo(
        path, BinaryFormat.ELF, machine, 64, dynamic, interpreter, needed, glibc, glibcxx, null);
  }
}
