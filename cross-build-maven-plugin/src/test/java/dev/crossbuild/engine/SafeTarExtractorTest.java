package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafeTarExtractorTest {

  private static final long CAP = 1024 * 1024;

  @TempDir Path work;
  private Path destination;

  @BeforeEach
  void setUp() throws IOException {
    // The destination sits two levels down, so anything escaping one or two levels lands inside
    // 'work'
    // where the test can see it.
    destination = work.resolve("project/target/out");
    Files.createDirectories(destination);
    Files.writeString(destination.resolve("previous.txt"), "from the last build");
  }

  static Stream<Arguments> maliciousArchives() {
    return Stream.of(
        Arguments.of(
            "absolute path", "/tmp/evil", archive(file("out/", ""), file("/tmp/evil", "x"))),
        Arguments.of(
            "dot-dot traversal",
            "out/../../escaped.txt",
            archive(file("out/../../escaped.txt", "x"))),
        Arguments.of(
            "nested traversal",
            "out/a/../../../x",
            archive(dir("out/a/"), file("out/a/../../../x", "x"))),
        Arguments.of(
            "symlink to /etc/passwd",
            "out/passwd",
            archive(dir("out/"), symlink("out/passwd", "/etc/passwd"))),
        Arguments.of(
            "symlink up two levels", "out/up", archive(dir("out/"), symlink("out/up", "../.."))),
        Arguments.of(
            "hardlink outside",
            "out/hl",
            archive(dir("out/"), hardlink("out/hl", "../../etc/passwd"))),
        Arguments.of(
            "hardlink absolute", "out/hl", archive(dir("out/"), hardlink("out/hl", "/etc/passwd"))),
        Arguments.of(
            "file written through a symlink",
            "out/link/escaped.txt",
            archive(
                dir("out/"),
                dir("out/sub/"),
                symlink("out/link", "sub"),
                file("out/link/escaped.txt", "x"))),
        Arguments.of(
            "chained symlinks",
            "out/d/up/up2",
            archive(
                dir("out/d/"),
                symlink("out/d/up", ".."),
                symlink("out/d/up/up2", ".."),
                file("out/d/up/up2/escaped.txt", "x"))),
        Arguments.of(
            "character device",
            "out/tty",
            archive(dir("out/"), special("out/tty", TarConstants.LF_CHR))),
        Arguments.of(
            "block device",
            "out/sda",
            archive(dir("out/"), special("out/sda", TarConstants.LF_BLK))),
        Arguments.of(
            "FIFO", "out/fifo", archive(dir("out/"), special("out/fifo", TarConstants.LF_FIFO))),
        Arguments.of(
            "size bomb",
            "out/big.bin",
            archive(dir("out/"), file("out/small.txt", "ok"), zeros("out/big.bin", CAP + 1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maliciousArchives")
  void refusesMaliciousArchivesAndLeavesNoTrace(String name, String offendingEntry, byte[] tar)
      throws IOException {
    List<String> before = listTree(work);

    assertThatThrownBy(
            () -> SafeTarExtractor.extract(new ByteArrayInputStream(tar), destination, 1, CAP))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining(offendingEntry)
        .extracting(e -> ((UnsafeArchiveException) e).entry())
        .isEqualTo(offendingEntry);

    // Nothing written anywhere (no escaped file, no leftover temp dir), and the old output is
    // untouched.
    assertThat(listTree(work)).containsExactlyElementsOf(before);
    assertThat(destination.resolve("previous.txt")).hasContent("from the last build");
  }

  @Test
  void extractsAGoodArchiveExactlyAndReplacesTheOldContents() throws IOException {
    byte[] tar =
        archive(
            dir("out/"),
            dir("out/bin/"),
            executable("out/bin/tool", "#!/bin/sh\necho hi\n"),
            file("out/lib/libfoo.so", "ELF"),
            symlink("out/lib/libfoo.so.1", "libfoo.so"),
            symlink("out/bin/lib", "../lib"),
            file("./out/./notes.txt", "hello"));

    long bytes = SafeTarExtractor.extract(new ByteArrayInputStream(tar), destination, 1, CAP);

    assertThat(bytes).isEqualTo("#!/bin/sh\necho hi\n".length() + 3 + 5);
    assertThat(listTree(destination))
        .containsExactly(
            "bin", "bin/lib", "bin/tool", "lib", "lib/libfoo.so", "lib/libfoo.so.1", "notes.txt");
    assertThat(destination.resolve("bin/tool")).hasContent("#!/bin/sh\necho hi\n");
    assertThat(Files.getPosixFilePermissions(destination.resolve("bin/tool")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.getPosixFilePermissions(destination.resolve("notes.txt")))
        .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.readSymbolicLink(destination.resolve("lib/libfoo.so.1")))
        .isEqualTo(Path.of("libfoo.so"));
    assertThat(destination.resolve("bin/lib/libfoo.so.1")).hasContent("ELF");
    assertThat(destination.resolve("previous.txt")).doesNotExist();
    assertThat(listTree(work.resolve("project/target")))
        .allMatch(p -> p.equals("out") || p.startsWith("out/"));
  }

  @Test
  void keepsHardLinksInsideTheRoot() throws IOException {
    byte[] tar =
        archive(dir("out/"), file("out/a.txt", "same"), hardlink("out/b.txt", "out/a.txt"));

    SafeTarExtractor.extract(new ByteArrayInputStream(tar), destination, 1, CAP);

    assertThat(destination.resolve("b.txt")).hasContent("same");
    assertThat(Files.isSymbolicLink(destination.resolve("b.txt"))).isFalse();
  }

  @Test
  void withoutStrippingKeepsTheTopDirectory() throws IOException {
    SafeTarExtractor.extract(
        new ByteArrayInputStream(archive(file("out/a.txt", "a"))), destination, 0, CAP);

    assertThat(destination.resolve("out/a.txt")).hasContent("a");
  }

  @Test
  void createsTheDestinationWhenItDoesNotExist() throws IOException {
    Path fresh = work.resolve("new/dir/out");

    SafeTarExtractor.extract(
        new ByteArrayInputStream(archive(file("out/a.txt", "a"))), fresh, 1, CAP);

    assertThat(fresh.resolve("a.txt")).hasContent("a");
  }

  @Test
  void streamsLargeArchivesWithoutHoldingThem() throws IOException {
    long size = 64L * 1024 * 1024;
    Path tarFile = work.resolve("big.tar");
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tarFile))) {
      TarArchiveEntry entry = new TarArchiveEntry("out/big.bin");
      entry.setSize(size);
      out.putArchiveEntry(entry);
      byte[] chunk = new byte[1024 * 1024];
      for (long written = 0; written < size; written += chunk.length) {
        out.write(chunk);
      }
      out.closeArchiveEntry();
    }
    try (InputStream in = Files.newInputStream(tarFile)) {
      assertThat(SafeTarExtractor.extract(in, destination, 1, size)).isEqualTo(size);
    }
    assertThat(Files.size(destination.resolve("big.bin"))).isEqualTo(size);
  }

  // ---- archive corpus helpers ----

  private interface EntryWriter {
    void write(TarArchiveOutputStream out) throws IOException;
  }

  private static byte[] archive(EntryWriter... entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (EntryWriter entry : entries) {
        entry.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static EntryWriter dir(String name) {
    return out -> {
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      out.putArchiveEntry(e);
      out.closeArchiveEntry();
    };
  }

  private static EntryWriter file(String name, String content) {
    return regular(name, content, 0644);
  }

  private static EntryWriter executable(String name, String content) {
    return regular(name, content, 0755);
  }

  private static EntryWriter regular(String name, String content, int mode) {
    return out -> {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      // preserveAbsolutePath keeps '/tmp/evil' and '../' as they are, as a hostile tool would write
      // them.
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setSize(data.length);
      e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
      out.putArchiveEntry(e);
      out.write(data);
      out.closeArchiveEntry();
    };
  }

  private static EntryWriter zeros(String name, long size) {
    return out -> {
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setSize(size);
      out.putArchiveEntry(e);
      byte[] chunk = new byte[64 * 1024];
      for (long left = size; left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
      out.closeArchiveEntry();
    };
  }

  private static EntryWriter symlink(String name, String target) {
    return link(name, target, TarConstants.LF_SYMLINK);
  }

  private static EntryWriter hardlink(String name, String target) {
    return link(name, target, TarConstants.LF_LINK);
  }

  private static EntryWriter link(String name, String target, byte type) {
    return out -> {
      TarArchiveEntry e = new TarArchiveEntry(name, type, true);
      e.setLinkName(target);
      out.putArchiveEntry(e);
      out.closeArchiveEntry();
    };
  }

  private static EntryWriter special(String name, byte type) {
    return out -> {
      TarArchiveEntry e = new TarArchiveEntry(name, type, true);
      out.putArchiveEntry(e);
      out.closeArchiveEntry();
    };
  }

  private static List<String> listTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(p -> !p.equals(root))
          .filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
