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
    return manifest(dir, files).digest();
  }

  /**
   * The files' digest and, in the same single read, one line per file for the build tree's content
   * sync ({@link BuildCacheScript}): {@code <sha256 of mode and bytes> <mode> <path>}, the mode
   * {@code 644}, {@code 755} or {@code lnk} (the hash then of the link's target), the path starting
   * at column {@link #MANIFEST_PATH_COLUMN}.
   *
   * @param lines the lines, or null when a path holds a line break (no line can name it: the build
   *     tree is then not used)
   */
  public record Manifest(String digest, String lines) {}

  /** The 1-based column where a manifest line's path starts (for {@code cut -c}). */
  public static final int MANIFEST_PATH_COLUMN = 64 + 1 + 3 + 1 + 1;

  /** {@link #files} and the per-file lines of {@link Manifest}, reading each file once. */
  public static Manifest manifest(Path dir, List<String> files) {
    MessageDigest digest = sha256();
    MessageDigest one = sha256();
    StringBuilder lines = new StringBuilder();
    boolean nameable = true;
    byte[] buffer = new byte[65536];
    for (String relative : files) {
      Path file = dir.resolve(relative);
      update(digest, relative);
      nameable &= relative.indexOf('\n') < 0 && relative.indexOf('\r') < 0;
      String mode;
      try {
        if (Files.isSymbolicLink(file)) {
          String link = "link:" + Files.readSymbolicLink(file);
          update(digest, link);
          update(one, link);
          mode = "lnk";
        } else {
          mode = Files.isExecutable(file) ? "755" : "644";
          update(digest, mode);
          update(one, mode);
          try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
              digest.update(buffer, 0, n);
              one.update(buffer, 0, n);
            }
          }
          update(digest, "\0end");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
      lines
          .append(HexFormat.of().formatHex(one.digest()))
          .append(' ')
          .append(mode)
          .append(' ')
          .append(relative)
          .append('\n');
    }
    return new Manifest(
        HexFormat.of().formatHex(digest.digest()), nameable ? lines.toString() : null);
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
