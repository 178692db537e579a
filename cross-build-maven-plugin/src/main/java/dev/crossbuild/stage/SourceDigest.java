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
 * A sha256 over the deps key, the source-stage files and every context file's path, mode and bytes: when it
 * equals the one recorded after the last successful build, nothing can have changed and the engine is not
 * asked to build at all.
 */
final class SourceDigest {

  private SourceDigest() {}

  static String of(String depsKey, String sourceDockerfile, String buildScript, Path dir, List<String> files) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    update(digest, depsKey);
    update(digest, sourceDockerfile);
    update(digest, buildScript);
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

  private static void update(MessageDigest digest, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) (b.length >>> 24));
    digest.update((byte) (b.length >>> 16));
    digest.update((byte) (b.length >>> 8));
    digest.update((byte) b.length);
    digest.update(b);
  }
}
