package dev.crossbuild.stage;

import dev.crossbuild.engine.ImageBuildException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The whole log of one target, every stage, in {@code target/cross/<triple>.build.log} (beside the
 * output directory, so it never ends up in the archive), plus the last lines kept for the failure
 * message. Written as lines arrive, so a crash or Ctrl-C still leaves what was printed.
 */
public final class TargetLog implements AutoCloseable {

  static final int TAIL_LINES = ImageBuildException.LOG_TAIL_LINES;

  private final Path file;
  private final Deque<String> tail = new ArrayDeque<>();
  private BufferedWriter out;

  private TargetLog(Path file, BufferedWriter out) {
    this.file = file;
    this.out = out;
  }

  /** {@code <outputDir>/<triple>.build.log}. */
  public static Path fileOf(Path outputDir, String triple) {
    return outputDir.resolve(triple + ".build.log");
  }

  /** Starts a new log for the target; a log that cannot be written degrades to the tail alone. */
  static TargetLog open(Path outputDir, String triple) {
    Path file = fileOf(outputDir, triple);
    try {
      Files.createDirectories(outputDir);
      return new TargetLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new TargetLog(file, null);
    }
  }

  Path file() {
    return file;
  }

  synchronized void stage(String stage) {
    write("==> " + stage + " stage, " + Instant.now());
  }

  synchronized void line(String line) {
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
    write(line);
  }

  /**
   * A line for the file only: the failure message says it already, the tail shows what led to it.
   */
  synchronized void note(String line) {
    write(line);
  }

  /** The last {@value #TAIL_LINES} lines logged. */
  synchronized List<String> tail() {
    return List.copyOf(tail);
  }

  private void write(String text) {
    if (out == null) {
      return;
    }
    try {
      out.write(text);
      out.newLine();
      out.flush();
    } catch (IOException e) {
      closeQuietly(); // the disk is full or gone: the console and the tail still have the lines
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // nothing more can be written anyway
      }
      out = null;
    }
  }
}
