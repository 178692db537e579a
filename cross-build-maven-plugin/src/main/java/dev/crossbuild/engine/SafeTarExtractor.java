package dev.crossbuild.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a tar stream (as the engine's archive endpoint sends it) into a directory without
 * trusting it: absolute names, {@code ..} segments, links that leave the root, entries written
 * through links, devices and FIFOs are refused, and the total size is capped. Everything is
 * extracted into a fresh directory next to the destination first, and moved into place only when
 * the whole archive was accepted. The archive is streamed, never held in memory.
 */
public final class SafeTarExtractor {

  private static final int BUFFER = 64 * 1024;

  private SafeTarExtractor() {}

  /**
   * Extracts {@code tar} so that it replaces the contents of {@code destination}.
   *
   * @param stripComponents leading path segments to drop from every entry (1 for the engine's
   *     archive endpoint, which puts the copied directory itself first: copying {@code /out} gives
   *     {@code out/...}); entries with no segments left are skipped
   * @param maxBytes the most bytes of regular-file content accepted
   * @return the number of bytes of regular files extracted
   * @throws UnsafeArchiveException naming the entry, when an entry is refused or the cap is
   *     exceeded
   * @throws EngineException when reading the stream or writing files fails
   */
  public static long extract(
      InputStream tar, Path destination, int stripComponents, long maxBytes) {
    Path target = destination.toAbsolutePath().normalize();
    Path staging;
    try {
      Files.createDirectories(target.getParent());
      staging =
          Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".extract-");
      setMode(staging, 0755);
    } catch (IOException e) {
      throw new EngineException(
          "Cannot create a directory next to " + target + ": " + e.getMessage(), e);
    }
    try {
      long bytes = extractInto(tar, staging, stripComponents, maxBytes);
      replace(staging, target);
      return bytes;
    } catch (IOException e) {
      throw new EngineException("Cannot extract archive into " + target + ": " + e.getMessage(), e);
    } finally {
      deleteRecursively(staging);
    }
  }

  private static long extractInto(InputStream in, Path root, int strip, long maxBytes)
      throws IOException {
    long total = 0;
    byte[] buffer = new byte[BUFFER];
    // Do not close the tar stream here: the caller owns the underlying stream.
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      String name = entry.getName();
      String relative = sanitise(name, name, strip);
      if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
        throw new UnsafeArchiveException(name, "devices and FIFOs are not extracted");
      }
      if (relative.isEmpty()) {
        continue;
      }
      Path path = root.resolve(relative).normalize();
      requireInside(root, path, name);
      requireNoLinkOnTheWay(root, path, name);
      if (entry.isDirectory()) {
        if (Files.isSymbolicLink(path)) {
          throw new UnsafeArchiveException(name, "directory entry over an extracted symlink");
        }
        Files.createDirectories(path);
        setMode(path, entry.getMode() | 0700);
      } else if (entry.isSymbolicLink()) {
        createSymlink(root, path, entry);
      } else if (entry.isLink()) {
        createHardLink(root, path, entry, strip);
      } else if (entry.isFile()) {
        if (entry.getSize() > maxBytes - total) {
          throw tooBig(name, maxBytes);
        }
        Files.createDirectories(path.getParent());
        Files.deleteIfExists(path);
        try (OutputStream out =
            Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          for (int n = tar.read(buffer); n >= 0; n = tar.read(buffer)) {
            total += n;
            if (total > maxBytes) {
              throw tooBig(name, maxBytes);
            }
            out.write(buffer, 0, n);
          }
        }
        setMode(path, entry.getMode() | 0600);
      } else {
        throw new UnsafeArchiveException(
            name, "unsupported entry type '" + (char) entry.getLinkFlag() + "'");
      }
    }
    return total;
  }

  /** The entry's path relative to the root, with {@code strip} leading segments removed. */
  private static String sanitise(String path, String entryName, int strip) {
    if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:[/\\\\].*")) {
      throw new UnsafeArchiveException(entryName, "absolute path");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.replace('\\', '/').split("/")) {
      if (segment.equals("..")) {
        throw new UnsafeArchiveException(entryName, "path contains '..'");
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return segments.size() <= strip
        ? ""
        : String.join("/", segments.subList(strip, segments.size()));
  }

  private static void createSymlink(Path root, Path path, TarArchiveEntry entry)
      throws IOException {
    String link = entry.getLinkName();
    if (link.isEmpty() || link.startsWith("/")) {
      throw new UnsafeArchiveException(entry.getName(), "symlink to absolute path '" + link + "'");
    }
    // A relative link resolves against the directory holding it.
    Path resolved = path.getParent().resolve(link).normalize();
    if (!resolved.startsWith(root)) {
      throw new UnsafeArchiveException(
          entry.getName(), "symlink '" + link + "' points outside the archive root");
    }
    Files.createDirectories(path.getParent());
    Files.deleteIfExists(path);
    Files.createSymbolicLink(path, path.getFileSystem().getPath(link));
  }

  private static void createHardLink(Path root, Path path, TarArchiveEntry entry, int strip)
      throws IOException {
    // Hard link names are relative to the archive root, not to the link's directory.
    String relative = sanitise(entry.getLinkName(), entry.getName(), strip);
    Path existing = root.resolve(relative).normalize();
    if (relative.isEmpty() || !existing.startsWith(root)) {
      throw new UnsafeArchiveException(
          entry.getName(),
          "hard link '" + entry.getLinkName() + "' points outside the archive root");
    }
    requireNoLinkOnTheWay(root, existing, entry.getName());
    if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnsafeArchiveException(
          entry.getName(),
          "hard link to '" + entry.getLinkName() + "', which is not an extracted file");
    }
    Files.createDirectories(path.getParent());
    Files.deleteIfExists(path);
    Files.createLink(path, existing);
  }

  private static void requireInside(Path root, Path path, String name) {
    if (!path.startsWith(root) || path.equals(root)) {
      throw new UnsafeArchiveException(name, "path leaves the archive root");
    }
  }

  /**
   * Refuses writing through a symlink extracted earlier (it could point anywhere once links chain).
   */
  private static void requireNoLinkOnTheWay(Path root, Path path, String name) {
    for (Path p = path.getParent();
        p != null && p.startsWith(root) && !p.equals(root);
        p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        throw new UnsafeArchiveException(
            name, "path goes through the symlink '" + root.relativize(p) + "'");
      }
    }
  }

  private static UnsafeArchiveException tooBig(String name, long maxBytes) {
    return new UnsafeArchiveException(name, "archive exceeds the limit of " + maxBytes + " bytes");
  }

  private static void setMode(Path path, int mode) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view != null) {
      // Keep read and execute bits; never make extracted files group- or world-writable.
      view.setPermissions(permissions(mode & 0755));
    } else if ((mode & 0100) != 0) {
      path.toFile().setExecutable(true);
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    StringBuilder text = new StringBuilder();
    String letters = "rwxrwxrwx";
    for (int bit = 8; bit >= 0; bit--) {
      text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
    }
    return PosixFilePermissions.fromString(text.toString());
  }

  /** Swaps the staged tree into place: the old contents are moved aside, then deleted. */
  private static void replace(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (old != null) {
      deleteRecursively(old);
    }
  }

  /** Deletes a directory tree without following links; nothing there is fine. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      // walkFileTree does not follow symlinks, so a link to elsewhere is removed, not its target.
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
