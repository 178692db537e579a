package dev.crossbuild.stage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarTest {

  @TempDir Path dir;

  @Test
  void writesFilesUnderThePrefixWithModesOwnerTimeAndLinks() throws IOException {
    write("a.txt", "hello");
    write("run.sh", "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(
        dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
    write("sub/b.txt", "b");
    Files.createSymbolicLink(dir.resolve("link"), Path.of("sub/b.txt"));
    byte[] dockerfile = "FROM scratch\n".getBytes(UTF_8);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContextTar.Written written =
        new ContextTar()
            .addDirectory(dir, List.of("sub/b.txt", "run.sh", "link", "a.txt"), "src/")
            .addFile("Dockerfile", dockerfile)
            .writeTo(out);

    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    Map<String, String> contents = read(out.toByteArray(), entries);
    assertThat(entries.keySet())
        .containsExactly(
            "src/",
            "src/a.txt",
            "src/link",
            "src/run.sh",
            "src/sub/",
            "src/sub/b.txt",
            "Dockerfile");
    assertThat(contents)
        .containsEntry("src/a.txt", "hello")
        .containsEntry("Dockerfile", "FROM scratch\n");
    assertThat(entries.get("src/a.txt").getMode() & 07777).isEqualTo(0644);
    assertThat(entries.get("src/run.sh").getMode() & 07777)
        .as("executable bit kept")
        .isEqualTo(0755);
    assertThat(entries.get("src/sub/").isDirectory()).isTrue();
    assertThat(entries.get("src/sub/").getMode() & 07777).isEqualTo(0755);
    assertThat(entries.get("src/link").isSymbolicLink()).isTrue();
    assertThat(entries.get("src/link").getLinkName()).isEqualTo("sub/b.txt");
    for (TarArchiveEntry entry : entries.values()) {
      assertThat(entry.getLongUserId()).isZero();
      assertThat(entry.getLongGroupId()).isZero();
      assertThat(entry.getModTime().toInstant()).isEqualTo(ContextTar.FIXED_TIME);
    }
    assertThat(written.entries()).isEqualTo(7);
    assertThat(written.contentBytes()).isEqualTo(5 + 18 + 1 + dockerfile.length);
    assertThat(written.tarBytes()).isEqualTo(out.size());
  }

  @Test
  void sameSourcesGiveTheSameBytesWhateverTheirTimestamps() throws IOException {
    write("a.txt", "a");
    write("dir/b.txt", "b");
    List<String> files = List.of("a.txt", "dir/b.txt");

    byte[] first =
        tar(new ContextTar().addDirectory(dir, files, "src").addFile("Dockerfile", new byte[] {1}));
    Files.setLastModifiedTime(dir.resolve("a.txt"), FileTime.fromMillis(123_456_789_000L));
    byte[] second =
        tar(
            new ContextTar()
                .addDirectory(dir, List.of("dir/b.txt", "a.txt"), "src/")
                .addFile("Dockerfile", new byte[] {1}));

    assertThat(second).isEqualTo(first);
    write("a.txt", "changed");
    assertThat(
            tar(
                new ContextTar()
                    .addDirectory(dir, files, "src")
                    .addFile("Dockerfile", new byte[] {1})))
        .isNotEqualTo(first);
  }

  @Test
  void largeFileIsStreamedWhileTheTarIsWritten() throws IOException {
    long size = 50L * 1024 * 1024;
    Path big = dir.resolve("big.bin");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(size); // sparse: reads as zeros
    }
    // Once the first megabyte has gone out, change the file's last byte: only a writer that reads
    // the file while writing (not one that read it whole first) sends the new byte.
    Path tarFile = dir.resolve("out.tar");
    long[] largestWrite = {0};
    try (OutputStream disk = Files.newOutputStream(tarFile)) {
      OutputStream watching =
          new OutputStream() {
            long seen;
            boolean changed;

            @Override
            public void write(int b) throws IOException {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              largestWrite[0] = Math.max(largestWrite[0], len);
              seen += len;
              if (!changed && seen > 1024 * 1024) {
                try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
                  file.seek(size - 1);
                  file.write('Z');
                }
                changed = true;
              }
              disk.write(b, off, len);
            }
          };
      ContextTar.Written written =
          new ContextTar().addDirectory(dir, List.of("big.bin"), "").writeTo(watching);
      assertThat(written.contentBytes()).isEqualTo(size);
    }

    assertThat(largestWrite[0]).isLessThanOrEqualTo(64 * 1024);
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tarFile))) {
      TarArchiveEntry entry = in.getNextEntry();
      assertThat(entry.getName()).isEqualTo("big.bin");
      assertThat(entry.getSize()).isEqualTo(size);
      assertThat(in.skip(size - 1)).isEqualTo(size - 1);
      assertThat(in.read()).isEqualTo('Z');
    }
  }

  @Test
  void longAndNonAsciiNamesSurvive() throws IOException {
    String longName =
        "deep/".repeat(30)
            + "a-file-name-that-is-longer-than-one-hundred-characters-"
            + "x".repeat(80)
            + ".txt";
    write(longName, "deep");
    write("ünïcode-名前.txt", "u");

    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    Map<String, String> contents =
        read(
            tar(new ContextTar().addDirectory(dir, List.of(longName, "ünïcode-名前.txt"), "src/")),
            entries);

    assertThat(contents)
        .containsEntry("src/" + longName, "deep")
        .containsEntry("src/ünïcode-名前.txt", "u");
  }

  @Test
  void refusesPathsThatLeaveTheContext(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("secret"), "s");
    Files.createSymbolicLink(dir.resolve("linked"), outside);

    assertThatThrownBy(() -> new ContextTar().addDirectory(dir, List.of("../x"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../x");
    assertThatThrownBy(() -> new ContextTar().addFile("/etc/passwd", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ContextTar()
                    .addFile("Dockerfile", new byte[0])
                    .addFile("Dockerfile", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    ContextTar throughLink = new ContextTar().addDirectory(dir, List.of("linked/secret"), "");
    assertThatThrownBy(() -> throughLink.writeTo(OutputStream.nullOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("linked/secret");
  }

  @Test
  void leavesTheCallersStreamOpen() throws IOException {
    write("a.txt", "a");
    List<String> events = new ArrayList<>();
    OutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            events.add("closed");
          }
        };

    new ContextTar().addDirectory(dir, List.of("a.txt"), "").writeTo(out);

    assertThat(events).isEmpty();
  }

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static byte[] tar(ContextTar tar) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    tar.writeTo(out);
    return out.toByteArray();
  }

  private static Map<String, String> read(byte[] tar, Map<String, TarArchiveEntry> entries)
      throws IOException {
    Map<String, String> contents = new LinkedHashMap<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new ByteArrayInputStream(tar), "UTF-8")) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), entry);
        if (entry.isFile()) {
          contents.put(entry.getName(), new String(in.readAllBytes(), UTF_8));
        }
      }
    }
    return contents;
  }
}
