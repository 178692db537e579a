package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.audit.NeededCheck;
import dev.crossbuild.engine.RecordingEngine;
import dev.crossbuild.engine.RunResult;
import dev.crossbuild.target.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Debian package of an unlisted library: asked of dpkg once per deps image. */
class NeededLibrariesTest {

  private static final Platform AMD64 = new Platform("linux", "amd64", null);

  @TempDir Path dir;

  @Test
  void asksDpkgOncePerImageAndRemembersLibrariesNoPackageHolds() {
    RecordingEngine engine = new RecordingEngine(AMD64);
    engine.runResult =
        new RunResult(
            1,
            "zlib1g:amd64: /usr/lib/x86_64-linux-gnu/libz.so.1\n"
                + "dpkg-query: no path found matching pattern */libfoo.so.2\n");
    Path known = dir.resolve(".state/packages-x");
    List<NeededCheck.Unlisted> unlisted =
        List.of(
            new NeededCheck.Unlisted("hello", "libz.so.1"),
            new NeededCheck.Unlisted("hello", "libfoo.so.2"));

    Map<String, String> first =
        NeededLibraries.packages(
            engine, "p-deps:x", AMD64, unlisted, "x86_64-linux-gnu", Map.of(), known);
    engine.runResult = new RunResult(0, "");
    Map<String, String> second =
        NeededLibraries.packages(
            engine, "p-deps:x", AMD64, unlisted, "x86_64-linux-gnu", Map.of(), known);

    assertThat(first).containsExactlyEntriesOf(Map.of("libz.so.1", "zlib1g"));
    assertThat(second).isEqualTo(first);
    assertThat(engine.calls).filteredOn(c -> c.startsWith("run ")).hasSize(1);
    assertThat(NeededLibraries.message(unlisted.get(0), first, "x86_64-unknown-linux-gnu"))
        .contains("hello needs libz.so.1 (Debian package zlib1g)")
        .contains("<neededLibraries>ignore</neededLibraries> (-Dcross.neededLibraries)");

    // A library not asked about yet: dpkg again.
    NeededLibraries.packages(
        engine,
        "p-deps:x",
        AMD64,
        List.of(new NeededCheck.Unlisted("hello", "libssl.so.3")),
        "x86_64-linux-gnu",
        Map.of(),
        known);
    assertThat(engine.calls).filteredOn(c -> c.startsWith("run ")).hasSize(2);
  }
}
