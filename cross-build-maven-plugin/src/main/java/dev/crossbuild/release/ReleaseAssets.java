package dev.crossbuild.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Finds the archives and jars to release and writes their {@code SHA256SUMS}. */
public final class ReleaseAssets {

  /** The checksum file's name, as {@code sha256sum -c SHA256SUMS} expects next to the archives. */
  public static final String CHECKSUMS = "SHA256SUMS";

  private ReleaseAssets() {}

  /**
   * The archives ({@code *.tar.gz}, {@code *.zip}) and jars ({@code *.jar}: the multi-platform jar
   * the workflow's package job builds) directly in {@code directory}, sorted by name, followed by a
   * freshly written {@code SHA256SUMS} that lists them.
   *
   * @throws NoArtifactsException when there is no archive; jars are released only with the archives
   */
  public static List<LocalAsset> collect(Path directory) {
    List<LocalAsset> assets = new ArrayList<>();
    try (Stream<Path> files =
        Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> isArchive(f) || isJar(f))
              .sorted()
              .toList()) {
        assets.add(describe(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
    if (assets.stream().noneMatch(asset -> isArchive(asset.file()))) {
      throw new NoArtifactsException(directory);
    }
    Path sums = writeChecksums(directory, assets);
    assets.add(describe(sums));
    return List.copyOf(assets);
  }

  static boolean isArchive(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".tar.gz") || name.endsWith(".zip");
  }

  static boolean isJar(Path file) {
    return file.getFileName().toString().endsWith(".jar");
  }

  /**
   * Writes {@code <hex> <name>} lines (two spaces: text mode), the format {@code sha256sum -c}
   * reads.
   */
  static Path writeChecksums(Path directory, List<LocalAsset> archives) {
    StringBuilder text = new StringBuilder();
    for (LocalAsset asset : archives) {
      text.append(asset.sha256()).append("  ").append(asset.name()).append('\n');
    }
    Path sums = directory.resolve(CHECKSUMS);
    try {
      Files.writeString(sums, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + sums, e);
    }
    return sums;
  }

  static LocalAsset describe(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new LocalAsset(file.getFileName().toString(), file, Files.size(file), sha256(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The SHA-256 of a stream, read in chunks so that large archives are never held in memory. */
  public static String sha256(InputStream in) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) != -1; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
