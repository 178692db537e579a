package dev.crossbuild.stage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Packs a target's outputs into its release archive, streaming, with stable entry order. */
final class Archives {

  private Archives() {}

  /** Writes {@code archive} (a .tar.gz) from the regular files under {@code dir}, atomically. */
  static void tarGz(Path dir, Path archive) throws IOException {
    Files.createDirectories(archive.getParent());
    Path tmp = Files.createTempFile(archive.getParent(), ".pack", ".tmp");
    try {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
          GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Path file : files) {
          String name = dir.relativize(file).toString().replace('\\', '/');
          TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), name);
          entry.setMode(Files.isExecutable(file) ? 0100755 : 0100644);
          entry.setModTime(FileTime.fromMillis(0));
          entry.setUserId(0);
          entry.setGroupId(0);
          entry.setUserName("");
          entry.setGroupName("");
          tar.putArchiveEntry(entry);
          Files.copy(file, tar);
          tar.closeArchiveEntry();
        }
        tar.finish();
      }
      Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
