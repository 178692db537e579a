package dev.crossbuild.stage;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.stage.TargetResult.OutputFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The release archives: the same bytes for the same outputs and epoch, and nothing unsafe in them.
 */
class ArchivesTest {

  /** 2023-11-14T22:13:20Z: even, since a zip holds times in 2-second steps. */
  static final long EPOCH = 1_700_000_000L;

  static final String LONG_NAME = "docs/" + "a-very-long-directory-name/".repeat(4) + "manual.txt";

  @TempDir Path work;

  /**
   * Outputs as a build leaves them: an executable, a data file with odd permissions, a SONAME chain
   * and a name too long for a plain ustar header.
   */
  static Path outputs(Path parent) throws IOException {
    Path dir = Files.createDirectories(parent.resolve("out"));
    Files.createDirectories(dir.resolve("bin"));
    Files.createDirectories(dir.resolve("lib"));
    Files.createDirectories(dir.resolve("share"));
    Files.writeString(dir.resolve("bin/tool"), "#!/bin/sh\necho tool\n");
    Files.setPosixFilePermissions(
        dir.resolve("bin/tool"), PosixFilePermissions.fromString("rwx------"));
    Files.writeString(dir.resolve("share/data.txt"), "data\n".repeat(1000));
    Files.setPosixFilePermissions(
        dir.resolve("share/data.txt"), PosixFilePermissions.fromString("rw-rw-rw-"));
    Files.writeString(dir.resolve("lib/libfoo.so.1.2.3"), "ELF pretend");
    Files.createSymbolicLink(dir.resolve("lib/libfoo.so.1"), Path.of("libfoo.so.1.2.3"));
    Files.createSymbolicLink(dir.resolve("lib/libfoo.so"), Path.of("libfoo.so.1"));
    Files.createDirectories(dir.resolve(LONG_NAME).getParent());
    Files.writeString(dir.resolve(LONG_NAME), "read me\n");
    return dir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tar.gz", "zip"})
  void packingTwiceGivesTheSameBytesWhateverTheFilesTimesOrTheClock(String extension)
      throws Exception {
    Path dir = outputs(work);
    Path first = work.resolve("first/tool-1.0-x." + extension);
    Path second = work.resolve("second/tool-1.0-x." + extension);

    Archives.pack(dir, first, EPOCH);
    try (var files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L));
      }
    }
    Thread.sleep(1100);
    Archives.pack(dir, second, EPOCH);

    assertThat(sha256(second)).isEqualTo(sha256(first));
  }

  @ParameterizedTest
  @ValueSource(longs = {Archives.DEFAULT_EPOCH, EPOCH})
  void zipBytesDoNotDependOnTheDefaultTimeZone(long epoch) throws Exception {
    Path dir = outputs(work);
    List<String> hashes = new ArrayList<>();
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone :
          List.of("UTC", "Pacific/Kiritimati", "America/St_Johns", "Europe/Berlin")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        Path zip = work.resolve(zone.replace('/', '_') + "/tool.zip");
        Archives.pack(dir, zip, epoch);
        hashes.add(sha256(zip));
        assertThat(dosTimeOfFirstEntry(zip))
            .as("in %s", zone)
            .isEqualTo(LocalDateTime.ofEpochSecond(epoch, 0, ZoneOffset.UTC));
      }
    } finally {
      TimeZone.setDefault(original);
    }

    assertThat(hashes).containsOnly(hashes.get(0));
  }

  @Test
  void zipEntriesHaveUnixModesLinksAsLinksAndNoTimestampFields() throws Exception {
    Path zip = work.resolve("tool.zip");
    Archives.pack(outputs(work), zip, Archives.DEFAULT_EPOCH);

    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      List<ZipArchiveEntry> entries = new ArrayList<>();
      file.getEntries().asIterator().forEachRemaining(entries::add);
      assertThat(entries)
          .extracting(ZipArchiveEntry::getName)
          .containsExactly(
              "bin/tool",
              LONG_NAME,
              "lib/libfoo.so",
              "lib/libfoo.so.1",
              "lib/libfoo.so.1.2.3",
              "share/data.txt");
      assertThat(entries)
          .allSatisfy(
              e -> {
                assertThat(e.getPlatform()).isEqualTo(ZipArchiveEntry.PLATFORM_UNIX);
                assertThat(e.getExtraFields(true)).as("extra fields of %s", e.getName()).isEmpty();
                assertThat(e.getCentralDirectoryExtra()).isEmpty();
                assertThat(e.getMethod()).isEqualTo(ZipArchiveEntry.DEFLATED);
              });
      assertThat(entries.get(0).getUnixMode()).isEqualTo(0100755);
      assertThat(entries.get(5).getUnixMode()).isEqualTo(0100644);
      assertThat(entries.get(2).isUnixSymlink()).isTrue();
      assertThat(entries.get(2).getUnixMode()).isEqualTo(0120777);
      assertThat(new String(file.getInputStream(entries.get(2)).readAllBytes(), UTF_8))
          .isEqualTo("libfoo.so.1");
    }
  }

  @Test
  void tarEntriesAreSortedOwnerlessDatedTheEpochAndNeedNoPaxHeaders() throws Exception {
    Path archive = work.resolve("tool.tar.gz");
    Archives.pack(outputs(work), archive, EPOCH);

    byte[] tar;
    try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(archive))) {
      tar = in.readAllBytes();
    }
    String raw = new String(tar, ISO_8859_1);
    assertThat(raw)
        .doesNotContain("PaxHeaders")
        .doesNotContain("LIBARCHIVE")
        .doesNotContain("atime=")
        .doesNotContain("ctime=")
        .doesNotContain("mtime=")
        .contains("././@LongLink");

    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.add(e);
      }
    }
    assertThat(entries)
        .extracting(TarArchiveEntry::getName)
        .containsExactly(
            "bin/tool",
            LONG_NAME,
            "lib/libfoo.so",
            "lib/libfoo.so.1",
            "lib/libfoo.so.1.2.3",
            "share/data.txt");
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.getExtraPaxHeaders()).as("pax headers of %s", e.getName()).isEmpty();
              assertThat(e.isPaxHeader()).isFalse();
              assertThat(e.getLastModifiedTime().toInstant().getEpochSecond()).isEqualTo(EPOCH);
              assertThat(e.getLastAccessTime()).isNull();
              assertThat(e.getStatusChangeTime()).isNull();
              assertThat(e.getLongUserId()).isZero();
              assertThat(e.getLongGroupId()).isZero();
              assertThat(e.getUserName()).isEmpty();
              assertThat(e.getGroupName()).isEmpty();
            });
    assertThat(entries.get(0).getMode() & 07777).isEqualTo(0755);
    assertThat(entries.get(5).getMode() & 07777).isEqualTo(0644);
    assertThat(entries.get(5).getSize()).isEqualTo(5000);
    assertThat(entries.get(2).isSymbolicLink()).isTrue();
    assertThat(entries.get(2).getLinkName()).isEqualTo("libfoo.so.1");
    assertThat(entries.get(2).getMode() & 07777).isEqualTo(0777);
  }

  @Test
  void gzipHeaderHoldsNoTimeNoNameAndTheUnixOsByte() throws Exception {
    Path archive = work.resolve("tool.tar.gz");
    Archives.pack(outputs(work), archive, EPOCH);

    byte[] header = new byte[10];
    try (InputStream in = Files.newInputStream(archive)) {
      assertThat(in.readNBytes(header, 0, 10)).isEqualTo(10);
    }
    assertThat(header[0] & 0xff).isEqualTo(0x1f);
    assertThat(header[1] & 0xff).isEqualTo(0x8b);
    assertThat(header[3]).as("flags: no file name, comment or extra field").isZero();
    assertThat(new byte[] {header[4], header[5], header[6], header[7]}).as("mtime").containsOnly(0);
    assertThat(header[9]).as("OS = Unix").isEqualTo((byte) 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tar.gz", "zip"})
  void archiveGetsTheUmaskPermissionsOfAnyBuildOutputNotThoseOfATempFile(String extension)
      throws Exception {
    Path archive = work.resolve("cross/tool-1.0-x." + extension);
    Archives.pack(outputs(work), archive, EPOCH);
    Path plain = work.resolve("cross/plain.txt");
    try (OutputStream out = Files.newOutputStream(plain)) {
      out.write(1);
    }

    assertThat(Files.getPosixFilePermissions(archive))
        .isEqualTo(Files.getPosixFilePermissions(plain))
        .isNotEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var siblings = Files.list(archive.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(archive.getFileName().toString(), "plain.txt");
    }
  }

  @Test
  void failedWriteLeavesNoTemporaryFile() throws Exception {
    Path dir = outputs(work);
    Path archive = work.resolve("cross/tool.tar.gz");
    Files.createDirectories(archive);
    Files.writeString(
        archive.resolve("in-the-way"), "a directory cannot be replaced by the archive");

    assertThatThrownBy(() -> Archives.pack(dir, archive, EPOCH)).isInstanceOf(IOException.class);
    try (var siblings = Files.list(archive.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("tool.tar.gz");
    }
  }

  @Test
  void listGivesFilesAndLinksSortedAsPathsWithWhereLinksPoint() throws Exception {
    Path dir = outputs(work);
    // String order, not Path order: "a-b/x" sorts before "a/b" ('-' < '/')
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("a-b"));
    Files.writeString(dir.resolve("a/b"), "1");
    Files.writeString(dir.resolve("a-b/x"), "22");

    assertThat(Archives.list(dir))
        .containsExactly(
            new OutputFile("a-b/x", 2),
            new OutputFile("a/b", 1),
            new OutputFile("bin/tool", 20),
            new OutputFile(LONG_NAME, 8),
            new OutputFile("lib/libfoo.so", 0, "libfoo.so.1"),
            new OutputFile("lib/libfoo.so.1", 0, "libfoo.so.1.2.3"),
            new OutputFile("lib/libfoo.so.1.2.3", 11),
            new OutputFile("share/data.txt", 5000));
    assertThat(Archives.list(dir)).filteredOn(OutputFile::link).hasSize(2);
  }

  @Test
  void zipTimeShowsTheUtcWallClockInTheGivenZoneAndClampsToWhatAZipHolds() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    long time = Archives.zipTime(EPOCH, tokyo);

    assertThat(LocalDateTime.ofInstant(Instant.ofEpochMilli(time), tokyo))
        .isEqualTo(LocalDateTime.ofEpochSecond(EPOCH, 0, ZoneOffset.UTC));
    assertThat(Archives.zipTime(0, ZoneOffset.UTC)).isEqualTo(Archives.DEFAULT_EPOCH * 1000);
  }

  @Test
  void nameWithoutAKnownExtensionIsRefused() throws Exception {
    Path dir = outputs(work);

    assertThatThrownBy(() -> Archives.pack(dir, work.resolve("tool.7z"), EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".tar.gz or .zip");
  }

  /** The DOS date and time fields of the first local file header. */
  private static LocalDateTime dosTimeOfFirstEntry(Path zip) throws IOException {
    byte[] b = Files.readAllBytes(zip);
    int time = (b[10] & 0xff) | (b[11] & 0xff) << 8;
    int date = (b[12] & 0xff) | (b[13] & 0xff) << 8;
    return LocalDateTime.of(
        1980 + (date >> 9),
        (date >> 5) & 0xf,
        date & 0x1f,
        time >> 11,
        (time >> 5) & 0x3f,
        (time & 0x1f) * 2);
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
