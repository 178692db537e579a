package dev.crossbuild.actions;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The goal's site page shows the real generated file, so it cannot drift from the generator. */
class SitePageTest {
    @Test
    void pageShowsTheCurrentGoldenFile() throws Exception {
        Path page = Path.of("..", "src", "site", "markdown", "generate-workflow.md");
        String golden = Files.readString(GoldenFiles.path("linux-macos-windows")).strip();

        assertThat(Files.readString(page))
                .as("%s must embed %s; copy the golden file into the page", page,
                        GoldenFiles.path("linux-macos-windows"))
                .contains("```yaml\n" + golden + "\n```");
    }
}
