package dev.crossbuild.report;

import dev.crossbuild.stage.TargetResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SHA-256 of a target's archive and of each of its regular output files, read when the report
 * is written so that the page names the exact bytes a user downloads.
 *
 * @param archiveBytes the archive's size, or -1 when there is none
 * @param archiveSha256 the archive's SHA-256 (lower-case hex), or null when there is none
 * @param files the SHA-256 of each regular output file by its path; links and vanished files have
 *     none
 */
record Checksums(long archiveBytes, String archiveSha256, Map<String, String> files) {

  static final Checksums NONE = new Checksums(-1, null, Map.of());

  Checksums {
    files = Map.copyOf(files);
  }

  /** Reads the archive and every regular output of {@code r}, one stream at a time. */
  static Checksums of(TargetResult r) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    if (r.outputDir() != null) {
      for (TargetResult.OutputFile o : r.outputs()) {
        if (!o.link()) {
          String sha = sha256(r.outputDir().resolve(o.path()));
          if (sha != null) {
            files.put(o.path(), sha);
          }
        }
      }
    }
    String archiveSha = r.archive() == null ? null : sha256(r.archive());
    long archiveBytes = archiveSha == null ? -1 : Files.size(r.archive());
    return new Checksums(archiveBytes, archiveSha, files);
  }

  String of(TargetResult.OutputFile o) {
    return files.get(o.path());
  }

  /**
   * Lower-case hex, or null when the file is not there (a report of results whose files were
   * cleaned).
   */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (NoSuchFileException e) {
      return null;
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
