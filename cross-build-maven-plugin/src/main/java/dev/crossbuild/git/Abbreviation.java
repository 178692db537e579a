package dev.crossbuild.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * The length git abbreviates a commit id to, as git 2.x computes it: {@code core.abbrev} when set,
 * else "auto" (7, plus one hex digit per factor 4 of packed objects above 2^13), then extended
 * until the prefix is unique. The shipped repository holds fewer objects, so its own "auto" may
 * differ; the writer then pins the host's length with {@code core.abbrev}.
 */
final class Abbreviation {

  static final int FALLBACK = 7;
  private static final int HEX_LENGTH = 40;
  private static final int MINIMUM = 4;
  private static final int MAX_ALTERNATE_DEPTH = 5;

  private Abbreviation() {}

  /** How {@code git describe} on the host abbreviates {@code id}. */
  static int forObject(String configured, Path objectsDir, ObjectReader reader, ObjectId id)
      throws IOException {
    int base = configured(configured);
    if (base < 0) {
      base = auto(packedObjectCount(objectsDir));
    }
    return reader.abbreviate(id, base).length();
  }

  /** The "auto" length for a repository holding {@code packedObjects} objects in packs. */
  static int auto(long packedObjects) {
    // git: len = msb(count) + 1, halved rounding up (a collision is expected at 2^(bits/2), and a
    // hex digit holds 4 bits), never below 7.
    int bits = 64 - Long.numberOfLeadingZeros(packedObjects);
    return Math.max(FALLBACK, (bits + 1) / 2);
  }

  /** The length {@code core.abbrev} asks for, or -1 for "auto" (also when git would reject it). */
  static int configured(String value) {
    if (value == null) {
      return -1;
    }
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("auto")) {
      return -1;
    }
    if (v.isEmpty() || v.equals("false") || v.equals("no") || v.equals("off")) {
      return HEX_LENGTH;
    }
    try {
      int n = Integer.parseInt(v);
      return n >= MINIMUM && n <= HEX_LENGTH ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Objects in the repository's packs and its alternates' packs, read from the {@code .idx}
   * headers. Loose objects do not count: git's approximate count leaves them out too.
   */
  static long packedObjectCount(Path objectsDir) throws IOException {
    return count(objectsDir, new HashSet<>(), 0);
  }

  private static long count(Path objectsDir, Set<Path> visited, int depth) throws IOException {
    Path real = objectsDir.toRealPath();
    if (depth > MAX_ALTERNATE_DEPTH || !visited.add(real)) {
      return 0;
    }
    long total = 0;
    Path packs = real.resolve("pack");
    if (Files.isDirectory(packs)) {
      try (DirectoryStream<Path> idx = Files.newDirectoryStream(packs, "pack-*.idx")) {
        for (Path index : idx) {
          String name = index.getFileName().toString();
          Path pack = packs.resolve(name.substring(0, name.length() - 4) + ".pack");
          if (Files.exists(pack)) {
            total += indexObjectCount(index);
          }
        }
      }
    }
    Path alternates = real.resolve("info/alternates");
    if (Files.isRegularFile(alternates)) {
      for (String line : Files.readAllLines(alternates)) {
        String alternate = line.trim();
        if (!alternate.isEmpty() && !alternate.startsWith("#")) {
          Path dir = real.resolve(alternate);
          if (Files.isDirectory(dir)) {
            total += count(dir, visited, depth + 1);
          }
        }
      }
    }
    return total;
  }

  // The last of the 256 fan-out entries is the object count; version 2 has an 8-byte header.
  private static long indexObjectCount(Path index) throws IOException {
    byte[] head = new byte[8 + 256 * 4];
    int read;
    try (InputStream in = Files.newInputStream(index)) {
      read = in.readNBytes(head, 0, head.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(head);
    boolean v2 = read >= 8 && buffer.getInt(0) == 0xff744f63;
    int offset = (v2 ? 8 : 0) + 255 * 4;
    return read >= offset + 4 ? Integer.toUnsignedLong(buffer.getInt(offset)) : 0;
  }
}
