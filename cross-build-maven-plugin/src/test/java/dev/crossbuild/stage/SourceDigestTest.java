package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context files' digest and the build tree's manifest, made in one read. */
class SourceDigestTest {

  @TempDir Path dir;

  @Test
  void theManifestHasALinePerFileWithItsContentModeAndPath() throws Exception {
    Files.writeString(dir.resolve("a.c"), "int a;\n");
    Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(dir.resolve("link.c"), Path.of("a.c"));
    List<String> files = List.of("a.c", "link.c", "run.sh");

    SourceDigest.Manifest manifest = SourceDigest.manifest(dir, files);

    assertThat(manifest.digest()).isEqualTo(SourceDigest.files(dir, files));
    List<String> lines = manifest.lines().lines().toList();
    assertThat(lines)
        .extracting(
            l -> l.substring(65, 68) + " " + l.substring(SourceDigest.MANIFEST_PATH_COLUMN - 1))
        .containsExactly("644 a.c", "lnk link.c", "755 run.sh");
    assertThat(lines).allMatch(l -> l.substring(0, 64).matches("[0-9a-f]{64}"));
  }

  @Test
  void aChangeOfContentOrModeChangesTheFilesLineOnly() throws Exception {
    Files.writeString(dir.resolve("a.c"), "int a;\n");
    Files.writeString(dir.resolve("b.c"), "int b;\n");
    List<String> files = List.of("a.c", "b.c");
    List<String> before = SourceDigest.manifest(dir, files).lines().lines().toList();

    Files.writeString(dir.resolve("a.c"), "int a = 1;\n");
    List<String> content = SourceDigest.manifest(dir, files).lines().lines().toList();
    assertThat(content.get(0)).isNotEqualTo(before.get(0));
    assertThat(content.get(1)).isEqualTo(before.get(1));

    Files.setPosixFilePermissions(dir.resolve("b.c"), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(SourceDigest.manifest(dir, files).lines().lines().toList().get(1))
        .isNotEqualTo(before.get(1));
  }

  @Test
  void aPathWithALineBreakLeavesNoManifest() throws Exception {
    Files.writeString(dir.resolve("odd\nname.c"), "int a;\n");

    SourceDigest.Manifest manifest = SourceDigest.manifest(dir, List.of("odd\nname.c"));

    assertThat(manifest.lines()).as("no line can name it: no build tree").isNull();
    assertThat(manifest.digest()).isNotBlank();
  }
}
