package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's streams arrive in arbitrary chunks; the log must still hold the lines the build
 * printed.
 */
class LineAssemblerTest {

  private final List<String> lines = new ArrayList<>();
  private final LineAssembler assembler = new LineAssembler(lines::add);

  @Test
  void aLineSplitInsideWordsIsOneLine() {
    for (String chunk :
        List.of(
            "Step 3/5 : RUN cargo build\n   Compiling",
            " hello-cargo",
            " v",
            "1",
            ".",
            "0",
            ".0 (/src)\n    Finished release\n")) {
      assembler.accept(chunk);
    }
    assembler.finish();

    assertThat(lines)
        .containsExactly(
            "Step 3/5 : RUN cargo build",
            "   Compiling hello-cargo v1.0.0 (/src)",
            "    Finished release");
  }

  @Test
  void aMultiByteCharacterSplitAcrossChunksIsDecodedWhole() {
    byte[] bytes = "größe: 10 KiB → ok ✓\n".getBytes(StandardCharsets.UTF_8);
    // Every split point, including inside each multi-byte sequence.
    for (int cut = 1; cut < bytes.length; cut++) {
      lines.clear();
      assembler.accept(Arrays.copyOfRange(bytes, 0, cut));
      assembler.accept(Arrays.copyOfRange(bytes, cut, bytes.length));
      assembler.finish();
      assertThat(lines).as("split at byte %d", cut).containsExactly("größe: 10 KiB → ok ✓");
    }
  }

  @Test
  void crLfEndsALineEvenWhenSplitBetweenTheTwo() {
    assembler.accept("first\r");
    assembler.accept("\nsecond\r\nthird\r");
    assembler.accept("\n");
    assembler.finish();

    assertThat(lines).containsExactly("first", "second", "third");
  }

  @Test
  void progressRewrittenWithCarriageReturnsCollapsesToItsLastState() {
    assembler.accept("Downloading  10%\rDownloading  55%");
    assembler.accept("\rDownloading 100%\ndone\n");
    assembler.accept("Unpacking 1/3\rUnpacking 3/3\r");
    assembler.finish();

    assertThat(lines).containsExactly("Downloading 100%", "done", "Unpacking 3/3");
  }

  @Test
  void theLastLineWithoutALineBreakIsFlushedAtTheEnd() {
    assembler.accept("make: *** [Makefile:4: hello] Error 1\nerror: the build ");
    assembler.accept("failed");

    assertThat(lines).containsExactly("make: *** [Makefile:4: hello] Error 1");
    assembler.finish();
    assertThat(lines)
        .containsExactly("make: *** [Makefile:4: hello] Error 1", "error: the build failed");
  }

  @Test
  void blankLinesAndTrailingSpacesAreDropped() {
    assembler.accept("\n\n  \nvalue   \n\t\n");
    assembler.finish();
    assembler.finish();

    assertThat(lines).containsExactly("value");
  }

  @Test
  void byteAtATimeGivesTheSameLinesAsOneChunk() {
    String text = "a\r\nb\rB\nc ü\nd";
    LineAssembler whole = new LineAssembler(lines::add);
    whole.accept(text);
    whole.finish();
    List<String> expected = List.copyOf(lines);
    lines.clear();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      assembler.accept(new byte[] {b});
    }
    assembler.finish();

    assertThat(expected).containsExactly("a", "B", "c ü", "d");
    assertThat(lines).isEqualTo(expected);
  }
}
