package dev.crossbuild.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseAssetsTest {

  @TempDir Path dir;

  @Test
  void theMultiPlatformJarIsReleasedAndChecksummedWithTheArchives() throws IOException {
    write("widget-1.2.3-linux-x86_64.tar.gz", "x86 archive");
    write("widget-1.2.3-windows-x86_64.zip", "windows archive");
    write("widget-1.2.3.jar", "jar");
    write("widget-1.2.3.pom", "not released");
    Files.createDirectories(dir.resolve("x86_64-unknown-linux-gnu"))
        .resolve("nested.jar")
        .toFile()
        .createNewFile();

    List<LocalAsset> assets = ReleaseAssets.collect(dir);

    assertThat(assets)
        .extracting(LocalAsset::name)
        .containsExactly(
            "widget-1.2.3-linux-x86_64.tar.gz",
            "widget-1.2.3-windows-x86_64.zip",
            "widget-1.2.3.jar",
            "SHA256SUMS");
    assertThat(Files.readString(dir.resolve("SHA256SUMS")))
        .isEqualTo(
            sha256("x86 archive")
                + "  widget-1.2.3-linux-x86_64.tar.gz\n"
                + sha256("windows archive")
                + "  widget-1.2.3-windows-x86_64.zip\n"
                + sha256("jar")
                + "  widget-1.2.3.jar\n");
  }

  @Test
  void withoutAJarOnlyTheArchivesAreReleasedAsBefore() throws IOException {
    write("widget-1.2.3-linux-x86_64.tar.gz", "x86 archive");
    write("notes.txt", "not an archive");

    assertThat(ReleaseAssets.collect(dir))
        .extracting(LocalAsset::name)
        .containsExactly("widget-1.2.3-linux-x86_64.tar.gz", "SHA256SUMS");
    assertThat(Files.readString(dir.resolve("SHA256SUMS")))
        .isEqualTo(sha256("x86 archive") + "  widget-1.2.3-linux-x86_64.tar.gz\n");
  }

  @Test
  void aJarWithoutArchivesIsNoRelease() throws IOException {
    write("widget-1.2.3.jar", "jar");

    assertThatThrownBy(() -> ReleaseAssets.collect(dir))
        .isInstanceOfSatisfying(
            NoArtifactsException.class, e -> assertThat(e.directory()).isEqualTo(dir))
        .hasMessage("No archives (*.tar.gz, *.zip) to release in " + dir);
    assertThat(dir.resolve("SHA256SUMS")).doesNotExist();
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  private static String sha256(String content) throws IOException {
    return ReleaseAssets.sha256(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }
}
