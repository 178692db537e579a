package dev.crossbuild.engine;

import dev.crossbuild.target.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Run in a JVM with a small heap by {@link StreamingMemoryIT}: builds an image from a context
 * holding a file much larger than the heap, then copies it back out. Buffering either way runs out
 * of memory. Arguments: size in bytes, destination directory, run label value. Prints timings.
 */
public final class StreamingProbe {

  public static void main(String[] args) throws IOException {
    long size = Long.parseLong(args[0]);
    Path destination = Path.of(args[1]);
    Map<String, String> labels =
        Map.of("dev.crossbuild.test", "true", "dev.crossbuild.test.run", args[2]);
    String tag = "crossbuild-test/streaming:" + args[2].substring(0, 8);
    try (DockerJavaEngine engine = DockerJavaEngine.connect(EngineEndpoint.local())) {
      try {
        long start = System.nanoTime();
        engine.buildImage(
            new ImageBuild(
                out -> writeContext(out, size),
                "Dockerfile",
                List.of(tag),
                Platform.parse("linux/amd64"),
                labels,
                Map.of()),
            line -> {});
        long built = System.nanoTime();
        String container = engine.createContainer(tag, labels);
        try {
          long bytes = engine.copyOut(container, "/out", destination, size + 1);
          long copied = System.nanoTime();
          System.out.printf(
              "build %d ms, copyOut %d ms, %d bytes, max heap %d MiB%n",
              (built - start) / 1_000_000,
              (copied - built) / 1_000_000,
              bytes,
              Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
          engine.removeContainer(container);
        }
      } finally {
        engine.removeImage(tag);
        engine.listImages(labels).forEach(engine::removeImage);
      }
    }
  }

  private static void writeContext(OutputStream out, long size) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    byte[] dockerfile =
        "FROM amd64/debian:bookworm-slim\nCOPY big.bin /out/big.bin\n"
            .getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry df = new TarArchiveEntry("Dockerfile");
    df.setSize(dockerfile.length);
    tar.putArchiveEntry(df);
    tar.write(dockerfile);
    tar.closeArchiveEntry();
    TarArchiveEntry big = new TarArchiveEntry("big.bin");
    big.setSize(size);
    tar.putArchiveEntry(big);
    byte[] chunk = new byte[64 * 1024];
    for (long left = size; left > 0; left -= chunk.length) {
      tar.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
    tar.closeArchiveEntry();
    tar.finish();
  }
}
