package dev.crossbuild.stage;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.target.Target;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Packs a target's outputs into its release archive, streaming, with stable entry order. */
final class Archives {

  private Archives() {}

  /** {@code <outputDir>/<artifactId>-<version>-<classifier>.tar.gz}. */
  static Path archiveOf(CrossConfig config, Target target) {
    return config.outputDir().resolve(
        config.artifactId() + "-" + config.version() + "-" + target.classifier() + ".tar.gz");
  }

  /** The regular files under {@code dir}, relative to it, sorted, with their sizes. */
  static List<TargetResult.OutputFile> list(Path dir) throws IOException {
    List<TargetResult.OutputFile> outputs = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        outputs.add(new TargetResult.OutputFile(dir.relativize(f).toString().replace('\\', '/'), Files.size(f)));
      }
    }
    return outputs;
  }

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
