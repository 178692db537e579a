package dev.crossbuild.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the chunks an engine stream arrives in into whole lines. The engine cuts its build and log
 * streams wherever its buffers end: inside words, inside multi-byte UTF-8 characters, between
 * {@code \r} and {@code \n}. A partial line is carried to the next chunk and flushed by {@link
 * #finish()}; a line that a {@code \r} rewrites in place (progress bars) collapses to its last
 * state. Blank lines are dropped.
 *
 * <p>Not thread-safe: one assembler per stream.
 */
public final class LineAssembler {

  private final Consumer<String> lines;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  // A \r was seen last: a \n next ends the line, anything else rewrites it.
  private boolean pendingReturn;

  /**
   * @param lines receives every complete, non-blank line, without its line terminator
   */
  public LineAssembler(Consumer<String> lines) {
    this.lines = lines;
  }

  /** Adds a chunk of text (already decoded, as in the build stream's JSON messages). */
  public void accept(String chunk) {
    if (chunk != null && !chunk.isEmpty()) {
      accept(chunk.getBytes(StandardCharsets.UTF_8), 0, -1);
    }
  }

  /** Adds a chunk of raw bytes (UTF-8, as in a container's log frames). */
  public void accept(byte[] chunk) {
    accept(chunk, 0, chunk.length);
  }

  private void accept(byte[] chunk, int offset, int length) {
    int end = length < 0 ? chunk.length : offset + length;
    for (int i = offset; i < end; i++) {
      byte b = chunk[i];
      if (pendingReturn) {
        pendingReturn = false;
        if (b == '\n') {
          emit(); // \r\n is one line end
          continue;
        }
        line.reset(); // a lone \r: the terminal would show only what follows
      }
      if (b == '\n') {
        emit();
      } else if (b == '\r') {
        pendingReturn = true;
      } else {
        line.write(b);
      }
    }
  }

  /** Flushes the last line when the stream ended without a line break. */
  public void finish() {
    pendingReturn = false;
    emit();
  }

  private void emit() {
    String text = stripTrailing(line.toString(StandardCharsets.UTF_8));
    line.reset();
    if (!text.isBlank()) {
      lines.accept(text);
    }
  }

  private static String stripTrailing(String text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
