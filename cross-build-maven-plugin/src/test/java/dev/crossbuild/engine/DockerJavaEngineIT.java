package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.target.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs against the real engine of this machine (the local endpoint: DOCKER_HOST, context or default
 * socket). It fails, never skips, when no engine answers: CI starts one. Needs the local base
 * images {@code amd64/debian:bookworm-slim} and {@code arm64v8/debian:bookworm-slim}, QEMU binfmt
 * for arm64 and the loopback registry of {@code it/engine/registry.sh}. Run by failsafe in {@code
 * verify}, never by {@code test}; what needs no engine (the connection failures) is in {@link
 * DockerJavaEngineConnectTest}.
 */
class DockerJavaEngineIT {

  private static final String AMD64_BASE = "amd64/debian:bookworm-slim";
  private static final String ARM64_BASE = "arm64v8/debian:bookworm-slim";
  private static final Platform AMD64 = Platform.parse("linux/amd64");
  private static final Platform ARM64 = Platform.parse("linux/arm64");
  private static final String RUN_ID = UUID.randomUUID().toString();
  private static final Map<String, String> LABELS =
      Map.of("dev.crossbuild.test", "true", "dev.crossbuild.test.run", RUN_ID);
  private static final String TAG = "crossbuild-test/engine:" + RUN_ID.substring(0, 8);

  private static DockerJavaEngine engine;

  @TempDir Path work;

  @BeforeAll
  static void connect() {
    engine = DockerJavaEngine.connect(EngineEndpoint.local());
  }

  @AfterAll
  static void removeEverythingThisTestCreated() {
    if (engine == null) {
      return;
    }
    engine.listContainers(LABELS).forEach(engine::removeContainer);
    engine.removeImage(TAG);
    engine.listImages(LABELS).forEach(engine::removeImage);
    assertThat(engine.listContainers(LABELS)).isEmpty();
    assertThat(engine.listImages(LABELS)).isEmpty();
    engine.close();
  }

  @Test
  void infoReportsTheNativePlatformAndANegotiatedApiVersion() {
    EngineInfo info = engine.info();

    assertThat(info.nativePlatform()).isEqualTo(AMD64);
    assertThat(info.serverVersion()).isNotBlank();
    assertThat(ApiVersions.compare(info.apiVersion(), DockerJavaEngine.CLIENT_MAX_API))
        .isLessThanOrEqualTo(0);
    if (info.serverVersion().startsWith("20.10")) {
      // docker-java's default 1.44 is refused by this engine; reaching here proves the negotiation.
      assertThat(info.apiVersion()).isEqualTo("1.41");
    }
  }

  @Test
  void inspectImageReadsThePlatformAndIsEmptyForUnknownImages() {
    assertThat(engine.inspectImage(AMD64_BASE))
        .hasValueSatisfying(i -> assertThat(i.platform()).isEqualTo(AMD64));
    assertThat(engine.inspectImage(ARM64_BASE))
        .hasValueSatisfying(i -> assertThat(i.platform()).isEqualTo(ARM64));
    assertThat(engine.inspectImage("crossbuild-test/no-such-image:" + RUN_ID)).isEmpty();
  }

  @Test
  void buildsFromAStreamedContextAndCopiesOutputsOut() throws IOException {
    String dockerfile =
        """
        FROM %s
        COPY hello.txt /data/hello.txt
        RUN mkdir -p /out/sub && cp /data/hello.txt /out/ && echo built > /out/sub/marker \\
            && printf '#!/bin/sh\\necho hi\\n' > /out/tool && chmod 755 /out/tool
        """
            .formatted(AMD64_BASE);
    List<String> log = new ArrayList<>();

    String id =
        engine.buildImage(
            new ImageBuild(
                context(Map.of("Dockerfile", dockerfile, "hello.txt", "hello from the context\n")),
                "Dockerfile",
                List.of(TAG),
                AMD64,
                LABELS,
                Map.of()),
            log::add);

    assertThat(id).startsWith("sha256:");
    assertThat(log).anyMatch(l -> l.startsWith("Step 3/") && l.contains(": RUN mkdir -p /out/sub"));
    assertThat(engine.inspectImage(TAG)).hasValue(new ImageInfo(id, AMD64, LABELS));

    String container = engine.createContainer(TAG, Map.of());
    try {
      // The container got no labels of its own: it inherits them from the image, so they were
      // applied.
      assertThat(engine.listContainers(LABELS)).containsExactly(container);
      Path out = work.resolve("target/cross/x86_64-unknown-linux-gnu");

      long bytes = engine.copyOut(container, "/out", out, 1024 * 1024);

      assertThat(out.resolve("hello.txt")).hasContent("hello from the context\n");
      assertThat(out.resolve("sub/marker")).hasContent("built\n");
      assertThat(Files.getPosixFilePermissions(out.resolve("tool")))
          .contains(PosixFilePermission.OWNER_EXECUTE);
      assertThat(bytes)
          .isEqualTo(Files.size(out.resolve("hello.txt")) + 6 + Files.size(out.resolve("tool")));
      assertThatThrownBy(() -> engine.copyOut(container, "/out", work.resolve("capped"), 10))
          .isInstanceOf(UnsafeArchiveException.class)
          .hasMessageContaining("exceeds the limit of 10 bytes");
    } finally {
      engine.removeContainer(container);
    }
    assertThat(engine.listContainers(LABELS)).isEmpty();
    engine.removeContainer(container);
  }

  @Test
  void failingStepGivesTheLogTailAndLeavesNoContainer() {
    // The labels come before the failing step, so its intermediate container carries them: forcerm
    // must remove it.
    String dockerfile =
        """
        FROM %s
        LABEL dev.crossbuild.test=true dev.crossbuild.test.run=%s
        RUN echo about-to-fail && exit 3
        """
            .formatted(AMD64_BASE, RUN_ID);
    List<String> log = new ArrayList<>();

    assertThatThrownBy(
            () ->
                engine.buildImage(
                    new ImageBuild(
                        context(Map.of("Dockerfile", dockerfile)),
                        "Dockerfile",
                        List.of(),
                        AMD64,
                        LABELS,
                        Map.of()),
                    log::add))
        .isInstanceOfSatisfying(
            ImageBuildException.class,
            e -> {
              assertThat(e).hasMessageContaining("returned a non-zero code: 3");
              assertThat(e.logTail()).contains("about-to-fail").hasSizeLessThanOrEqualTo(40);
              assertThat(e.logTail()).last().asString().contains("non-zero code: 3");
            });
    assertThat(log).contains("about-to-fail");
    assertThat(engine.listContainers(LABELS)).isEmpty();
  }

  @Test
  void failingContextWriterFailsTheBuildInsteadOfSendingATruncatedContext() {
    ImageBuild.ContextWriter broken =
        out -> {
          context(Map.of("Dockerfile", "FROM " + AMD64_BASE + "\nRUN true\n"))
              .writeTo(OutputStream.nullOutputStream());
          out.write(new byte[4096]);
          throw new IOException("disk on fire");
        };

    assertThatThrownBy(
            () ->
                engine.buildImage(
                    new ImageBuild(broken, "Dockerfile", List.of(), AMD64, LABELS, Map.of()),
                    line -> {}))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("disk on fire");
    assertThat(engine.listContainers(LABELS)).isEmpty();
  }

  @Test
  void runsAnArm64ContainerUnderEmulationAndRemovesIt() {
    RunResult result = engine.run(ARM64_BASE, ARM64, List.of("uname", "-m"), LABELS);

    assertThat(result.exitCode()).isZero();
    assertThat(result.output().strip()).isEqualTo("aarch64");
    assertThat(engine.listContainers(LABELS)).isEmpty();
  }

  @Test
  void runReportsExitCodeAndOutputOfAFailingCommand() {
    RunResult result =
        engine.run(
            AMD64_BASE, AMD64, List.of("sh", "-c", "echo out; echo oops >&2; exit 7"), LABELS);

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.output()).contains("out").contains("oops");
    assertThat(engine.listContainers(LABELS)).isEmpty();
  }

  @Test
  void aBuildContainerGetsItsFilesAndVolumeFollowsAsLinesAndKeepsTheVolumeForTheNextRun()
      throws IOException {
    String volume = "crossbuild-test-cache-" + RUN_ID.substring(0, 8);
    engine.createVolume(volume, LABELS);
    engine.createVolume(volume, LABELS); // an existing volume is kept, not an error
    try {
      assertThat(engine.listVolumes(LABELS)).containsExactly(volume);
      String script =
          "cat /work/in.txt; echo 'on stderr' >&2; n=$(cat /cache/n 2>/dev/null || echo 0);"
              + " echo $((n + 1)) > /cache/n; echo \"run $((n + 1))\"; mkdir -p /out; cp /work/in.txt /out/; exit 3";
      List<String> lines = new java.util.ArrayList<>();
      for (int run = 1; run <= 2; run++) {
        lines.clear();
        String id =
            engine.createContainer(
                new ContainerSpec(
                    AMD64_BASE,
                    AMD64,
                    List.of("sh", "-c", script),
                    LABELS,
                    Map.of("GREETING", "hi"),
                    "/work",
                    List.of(ContainerSpec.Mount.volume(volume, "/cache"))));
        try {
          engine.copyIn(id, "/", context(Map.of("work/in.txt", "line one\nline two\n")));
          assertThat(engine.startAndFollow(id, lines::add)).isEqualTo(3);
          Path out = Files.createTempDirectory("cross-build-it-out");
          engine.copyOut(id, "/out", out, 1 << 20);
          assertThat(out.resolve("in.txt")).hasContent("line one\nline two");
        } finally {
          engine.removeContainer(id);
        }
        // (a last stderr chunk without its newline can be lost by the engine's own log follower
        // when the
        // container exits at once, so the build script's lines all end with one)
        assertThat(lines)
            .as("whole lines, stderr too")
            .contains("line one", "line two", "on stderr", "run " + run);
      }
      assertThat(engine.listContainers(LABELS)).isEmpty();
    } finally {
      engine.removeVolume(volume);
      engine.removeVolume(volume); // gone: not an error
    }
    assertThat(engine.listVolumes(LABELS)).isEmpty();
  }

  @Test
  void removingAContainerThatIsGoneIsNotAnError() {
    String container = engine.createContainer(AMD64_BASE, LABELS);
    engine.removeContainer(container);

    engine.removeContainer(container);

    assertThat(engine.listContainers(LABELS)).isEmpty();
  }

  @Test
  void pushesToAndPullsFromARealRegistryWithItsLabels() throws IOException {
    // The plain loopback registry it/engine/registry.sh starts.
    java.util.Properties registries = new java.util.Properties();
    Path file =
        Path.of(
            System.getenv().getOrDefault("CROSS_ENGINE_STATE", "/var/tmp/cross-build-engine"),
            "registry.properties");
    try (var in = Files.newInputStream(file)) {
      registries.load(in);
    }
    String remote =
        registries.getProperty("plain") + "/crossbuild-test/engine:" + RUN_ID.substring(0, 8);
    String id =
        engine.buildImage(
            new ImageBuild(
                context(
                    Map.of(
                        "Dockerfile",
                        "FROM " + AMD64_BASE + "\nRUN echo " + RUN_ID + " > /run-id\n")),
                "Dockerfile",
                List.of(TAG + "-push"),
                AMD64,
                LABELS,
                Map.of()),
            l -> {});
    try {
      engine.tagImage(id, remote);
      engine.pushImage(remote, null);
      engine.removeImage(remote);
      engine.removeImage(TAG + "-push");
      assertThat(engine.inspectImage(id)).as("gone from the engine before the pull").isEmpty();

      ImageInfo pulled = engine.pullImage(remote, AMD64, null);
      assertThat(pulled.id()).isEqualTo(id);
      assertThat(pulled.labels()).containsAllEntriesOf(LABELS);

      assertThatThrownBy(() -> engine.pullImage(remote + "-missing", AMD64, null))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_FOUND))
          .hasMessageContaining("manifest unknown");
    } finally {
      engine.removeImage(remote);
      engine.removeImage(TAG + "-push");
      engine.removeImage(id);
    }
  }

  @Test
  void aRegistryThatDoesNotAnswerIsUnreachable() {
    String image = "127.0.0.1:1/crossbuild-test/nothing:" + RUN_ID.substring(0, 8);
    assertThatThrownBy(() -> engine.pullImage(image, AMD64, null))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
        .hasMessageContaining("connection refused");
  }

  @Test
  void failedPullNamesTheImageAndPlatform() {
    // Port 1 refuses at once; no registry is needed to see the failure path.
    String image = "localhost:1/crossbuild-test/nothing:" + RUN_ID.substring(0, 8);

    assertThatThrownBy(() -> engine.pullImage(image, ARM64))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("Cannot pull image " + image + " for linux/arm64");
  }

  /** A context writer that streams the given files as a tar. */
  private static ImageBuild.ContextWriter context(Map<String, String> files) {
    return out -> {
      TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] data = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
      }
      tar.finish();
    };
  }
}
