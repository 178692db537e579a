package dev.crossbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the maven room speaks Maven: the configuration checks say what is wrong as facts, and {@code
 * maven.Advice} names the POM element and the {@code -D} property. A plain scan of the string
 * literals of the config package.
 */
class PomTermsTest {

  private static final Path CONFIG = Path.of("src/main/java/dev/crossbuild/config");
  private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern POM_TERM = Pattern.compile("<[a-zA-Z]+>|-Dcross\\.");

  @Test
  void theConfigurationChecksWriteNoElementAndNoProperty() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(CONFIG)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher literal = LITERAL.matcher(lines.get(i));
          while (literal.find()) {
            if (POM_TERM.matcher(literal.group()).find()) {
              found.add(file.getFileName() + ":" + (i + 1) + " " + literal.group());
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
    assertThat(POM_TERM.matcher("\"Unknown <strategy>\"").find()).as("the scan sees one").isTrue();
  }
}
