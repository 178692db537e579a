package dev.crossbuild.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.engine.ImageInfo;
import dev.crossbuild.engine.RecordingEngine;
import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.stage.Labels;
import dev.crossbuild.target.Platform;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineEmulationProbeTest {

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  private static final Platform ARM64 = Platform.parse("linux/arm64");

  @Test
  void aProbeContainerCarriesTheProjectAndRunLabelsSoCleanupFindsIt() {
    RecordingEngine engine = new RecordingEngine(AMD64);
    engine.images.put("arm64v8/debian:bookworm-slim", new ImageInfo("sha256:base-arm64", ARM64));
    EngineEmulationProbe probe =
        new EngineEmulationProbe(
            Map.of("local", engine), "hello", p -> "arm64v8/debian:bookworm-slim");
    BuilderNode local = new BuilderNode("local", "unix:///var/run/docker.sock", AMD64, 2);

    assertThat(probe.canEmulate(local, ARM64)).isTrue();
    assertThat(probe.canEmulate(local, ARM64)).isTrue();

    // Asked once per builder and platform, however often the planner and smoke tests ask.
    assertThat(engine.runLabels).hasSize(1);
    assertThat(engine.runLabels.get(0))
        .containsEntry(Labels.MANAGED, "true")
        .containsEntry(Labels.PROJECT, "hello")
        .containsEntry(Labels.STAGE, "probe")
        .containsEntry(Labels.RUN, Labels.RUN_ID);
  }
}
