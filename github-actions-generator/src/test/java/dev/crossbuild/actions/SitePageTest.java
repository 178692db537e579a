package dev.crossbuild.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The goal's site page shows the real generated file, so it cannot drift from the generator. */
class SitePageTest {
  private static final Path PAGE = Path.of("..", "src", "site", "markdown", "generate-workflow.md");

  @Test
  void pageShowsTheCurrentGoldenFile() throws Exception {
    Path page = PAGE;
    String golden = Files.readString(GoldenFiles.path("linux-macos-windows")).strip();

    assertThat(Files.readString(page))
        .as(
            "%s must embed %s; copy the golden file into the page",
            page, GoldenFiles.path("linux-macos-windows"))
        .contains("```yaml\n" + golden + "\n```");
  }

  @Test
  void registryCacheExcerptIsTheGeneratedFileWithLinesLeftOut() throws Exception {
    assertExcerptOf("Registry cache", "cache-github-token");
  }

  @Test
  void buildCacheExcerptIsTheGeneratedFileWithLinesLeftOut() throws Exception {
    assertExcerptOf("Build cache", "build-cache-directory");
  }

  @Test
  void packageAndDeployExcerptIsTheGeneratedFileWithLinesLeftOut() throws Exception {
    assertExcerptOf("The multi-platform jar", "jni-package-deploy");
  }

  // The section's last yaml block holds lines of the golden file in its order, "..." for lines left
  // out.
  private static void assertExcerptOf(String heading, String scenario) throws Exception {
    String section =
        Files.readString(PAGE).split("## " + heading + "\n", 2)[1].split("\n## ", 2)[0];
    String excerpt = section.substring(section.lastIndexOf("```yaml\n") + "```yaml\n".length());
    excerpt = excerpt.substring(0, excerpt.indexOf("\n```"));
    List<String> golden = Files.readAllLines(GoldenFiles.path(scenario));

    int next = 0;
    for (String line : excerpt.split("\n")) {
      if (line.strip().equals("...")) {
        continue;
      }
      int found = golden.subList(next, golden.size()).indexOf(line);
      assertThat(found)
          .as(
              "'%s' in %s after line %d; copy the lines from the golden file into the page",
              line, GoldenFiles.path(scenario), next)
          .isNotNegative();
      next += found + 1;
    }
    assertThat(next).as("lines of the excerpt found").isPositive();
  }
}
