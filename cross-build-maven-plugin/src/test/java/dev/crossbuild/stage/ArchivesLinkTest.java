package dev.crossbuild.stage;

import static dev.crossbuild.stage.ArchivesTest.EPOCH;
import static dev.crossbuild.stage.ArchivesTest.outputs;
import static dev.crossbuild.stage.ArchivesTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A link in the outputs is packed only when it still works after unpacking somewhere else. */
class ArchivesLinkTest {

  @TempDir Path work;

  @Test
  void danglingLinkFailsNamingTheLinkAndKeepsThePreviousArchive() throws Exception {
    Path dir = outputs(work);
    Path archive = work.resolve("cross/tool.tar.gz");
    Archives.pack(dir, archive, EPOCH);
    String before = sha256(archive);
    Files.createSymbolicLink(dir.resolve("lib/libbar.so"), Path.of("libbar.so.2"));

    assertThatThrownBy(() -> Archives.pack(dir, archive, EPOCH))
        .isInstanceOfSatisfying(
            UnsafeOutputLinkException.class,
            e -> {
              assertThat(e.link()).isEqualTo("lib/libbar.so");
              assertThat(e.linkTarget()).isEqualTo("libbar.so.2");
            })
        .hasMessageContaining("lib/libbar.so -> libbar.so.2")
        .hasMessageContaining("dangles");
    assertThat(sha256(archive)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tar.gz", "zip"})
  void linkOutOfTheOutputsFailsNamingTheLink(String extension) throws Exception {
    Path dir = outputs(work);
    Files.writeString(work.resolve("outside"), "not an output");
    Files.createSymbolicLink(dir.resolve("escape"), Path.of("../outside"));

    assertThatThrownBy(() -> Archives.pack(dir, work.resolve("cross/tool." + extension), EPOCH))
        .isInstanceOf(UnsafeOutputLinkException.class)
        .hasMessageContaining("escape -> ../outside")
        .hasMessageContaining("out of the output directory");
    assertThat(work.resolve("cross/tool." + extension)).doesNotExist();
  }

  @Test
  void linkThatReadsInsideButResolvesOutsideFails() throws Exception {
    Path dir = outputs(work);
    Files.writeString(work.resolve("outside"), "not an output");
    Files.createSymbolicLink(dir.resolve("lib/here"), Path.of("."));
    Files.createSymbolicLink(dir.resolve("sneaky"), Path.of("lib/here/../../outside"));

    assertThatThrownBy(() -> Archives.pack(dir, work.resolve("tool.tar.gz"), EPOCH))
        .isInstanceOf(UnsafeOutputLinkException.class)
        .hasMessageContaining("sneaky -> lib/here/../../outside");
  }

  @Test
  void absoluteLinkFails() throws Exception {
    Path dir = outputs(work);
    Files.createSymbolicLink(
        dir.resolve("lib/libc.so"), dir.resolve("lib/libfoo.so.1.2.3").toAbsolutePath());

    assertThatThrownBy(() -> Archives.pack(dir, work.resolve("tool.zip"), EPOCH))
        .isInstanceOf(UnsafeOutputLinkException.class)
        .hasMessageContaining("lib/libc.so -> /")
        .hasMessageContaining("is absolute");
  }

  @Test
  void linksToADirectoryOrAFileInsideArePackedAsTheyAreWritten() throws Exception {
    Path dir = outputs(work);
    Files.createSymbolicLink(dir.resolve("current"), Path.of("bin"));
    Files.createSymbolicLink(dir.resolve("share/tool"), Path.of("../bin/tool"));

    Path archive = work.resolve("tool.tar.gz");
    Archives.pack(dir, archive, EPOCH);

    List<TarArchiveEntry> links = new ArrayList<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(archive)))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isSymbolicLink()) {
          links.add(e);
        }
      }
    }
    assertThat(links)
        .extracting(TarArchiveEntry::getName, TarArchiveEntry::getLinkName)
        .containsExactly(
            tuple("current", "bin"),
            tuple("lib/libfoo.so", "libfoo.so.1"),
            tuple("lib/libfoo.so.1", "libfoo.so.1.2.3"),
            tuple("share/tool", "../bin/tool"));
  }
}
