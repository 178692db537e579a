package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat: a 256 MiB build context and a 256 MiB output go through a JVM limited to a 48
 * MiB heap. Holding either in memory would fail with OutOfMemoryError. Runs against the real
 * engine, so failsafe runs it in {@code verify}.
 */
class StreamingMemoryIT {

  private static final long SIZE = 256L * 1024 * 1024;

  @TempDir Path work;

  @Test
  void contextAndOutputsAreStreamedNotHeld() throws IOException, InterruptedException {
    Path destination = work.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx48m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    StreamingProbe.class.getName(),
                    Long.toString(SIZE),
                    destination.toString(),
                    UUID.randomUUID().toString()))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("probe.log").toFile())
            .start();
    try {
      assertThat(process.waitFor(5, TimeUnit.MINUTES))
          .as("probe finished within 5 minutes")
          .isTrue();
    } finally {
      process.destroyForcibly();
    }
    String output = Files.readString(work.resolve("probe.log"), StandardCharsets.UTF_8);
    System.out.println("StreamingProbe: " + output.strip());

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains(SIZE + " bytes").contains("max heap");
    assertThat(Files.size(destination.resolve("big.bin"))).isEqualTo(SIZE);
  }
}
