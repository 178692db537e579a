package dev.crossbuild.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Digests for the no-change checks: one over every context file's path, mode and bytes (read once
 * per build), and one over a list of strings (keys, Dockerfiles, that file digest). When the digest
 * of a target equals the one recorded after its last successful build, nothing can have changed and
 * the engine is not asked to build.
 */
public final class SourceDigest {

  private SourceDigest() {}

  /**
   * sha256 over the paths, modes and bytes of {@code files} under {@code dir}, in the given order.
   */
  public static String files(Path dir, List<String> files) {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[65536];
    for (String relative : files) {
      Path file = dir.resolve(relative);
      update(digest, relative);
      try {
        if (Files.isSymbolicLink(file)) {
          update(digest, "link:" + Files.readSymbolicLink(file));
          continue;
        }
        update(digest, Files.isExecutable(file) ? "755" : "644");
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
      update(digest, "\0end");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** sha256 over the strings, each length-prefixed. */
  public static String of(String... parts) {
    MessageDigest digest = sha256();
    for (String part : parts) {
      update(digest, part);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(MessageDigest digest, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) (b.length >>> 24));
    digest.update((byte) (b.length >>> 16));
    digest.update((byte) (b.length >>> 8));
    digest.update((byte) b.length);
    digest.update(b);
  }
}
