package dev.crossbuild.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key of a deps image: a sha256 over everything that can change what the deps stage produces
 * and nothing else. Source files are not part of it (that is the point), nor is the project's path
 * on disk.
 */
public final class DepsKey {

  private final MessageDigest digest;

  private DepsKey() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The part of a deps key that tags its image, here and in the registry cache: its first 16 hex
   * digits.
   */
  public static String tagPart(String key) {
    return key.substring(0, 16);
  }

  /**
   * Computes the key.
   *
   * @param recipeId recipe preset id
   * @param recipeVersion recipe preset version
   * @param baseImageId the ID of the base image at the image platform (not its tag)
   * @param strategy native, cross or emulated
   * @param imagePlatform the platform the image is built at
   * @param triple the target
   * @param depsDockerfile the rendered deps Dockerfile (holds packages, setup commands, env, deps
   *     command)
   * @param projectDir the project directory the manifests are read from
   * @param manifests the manifest files, relative to {@code projectDir}
   * @param generated the recipe's generated files (image path -> bytes), e.g. the cargo skeleton
   * @param caDigest digest of the extra CA certificates, or null
   * @return 64 lower-case hex characters
   */
  public static String compute(
      String recipeId,
      String recipeVersion,
      String baseImageId,
      String strategy,
      String imagePlatform,
      String triple,
      String depsDockerfile,
      Path projectDir,
      List<String> manifests,
      Map<String, byte[]> generated,
      String caDigest) {
    DepsKey key = new DepsKey();
    key.field("format", "1");
    key.field("recipe", recipeId + "@" + recipeVersion);
    key.field("base", baseImageId);
    key.field("strategy", strategy);
    key.field("platform", imagePlatform);
    key.field("target", triple);
    key.field("dockerfile", depsDockerfile);
    Map<String, Path> sorted = new TreeMap<>();
    manifests.forEach(m -> sorted.put(m.replace('\\', '/'), projectDir.resolve(m)));
    sorted.forEach(key::file);
    new TreeMap<>(generated)
        .forEach(
            (path, bytes) -> {
              key.field("generated", path);
              key.bytes(bytes);
            });
    key.field("ca", caDigest);
    return HexFormat.of().formatHex(key.digest.digest());
  }

  private void field(String name, String value) {
    bytes(name.getBytes(StandardCharsets.UTF_8));
    bytes((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
  }

  private void file(String relative, Path file) {
    field("manifest", relative);
    try (InputStream in = Files.newInputStream(file)) {
      digest.update(longBytes(Files.size(file)));
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read manifest " + file, e);
    }
  }

  /** Length-prefixed, so that no two different field lists hash the same bytes. */
  private void bytes(byte[] b) {
    digest.update(longBytes(b.length));
    digest.update(b);
  }

  private static byte[] longBytes(long n) {
    byte[] out = new byte[8];
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) n;
      n >>>= 8;
    }
    return out;
  }
}
