package dev.crossbuild.stage;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.crossbuild.actions.runners.ArchiveFormat;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.OutputRules;
import dev.crossbuild.target.Target;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.X000A_NTFS;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipShort;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Packs a target's outputs into its release archive, byte for byte the same for the same files and
 * epoch: sorted entries, one fixed time, no owner, no per-machine metadata. Streams every file.
 */
public final class Archives {

  /**
   * 1980-01-01T00:00:00Z, the earliest time a zip can hold, and so the entry time used when neither
   * {@code SOURCE_DATE_EPOCH} nor a commit time is known.
   */
  public static final long DEFAULT_EPOCH = OutputRules.FIXED_EPOCH;

  private static final int LEVEL = Deflater.BEST_COMPRESSION;
  private static final int FILE = 0100644;
  private static final int EXECUTABLE = 0100755;
  private static final int SYMLINK = 0120777;
  // commons-compress treats later zip times as "not DOS" and adds extended-timestamp fields.
  private static final long LATEST_ZIP_EPOCH =
      LocalDateTime.of(2097, 11, 28, 23, 59, 58).toEpochSecond(ZoneOffset.UTC);
  private static final List<ZipShort> TIME_FIELDS =
      List.of(X5455_ExtendedTimestamp.HEADER_ID, X000A_NTFS.HEADER_ID);

  private Archives() {}

  /**
   * {@code <outputDir>/<artifactId>-<version>-<classifier>.tar.gz}, or {@code .zip} for Windows.
   */
  public static Path archiveOf(CrossConfig config, Target target) {
    return config
        .outputDir()
        .resolve(
            ArchiveFormat.fileName(
                config.artifactId(),
                config.version(),
                target.classifier(),
                target.triple().value()));
  }

  /**
   * The regular files and symbolic links under {@code dir}, by relative path, '/'-separated,
   * sorted.
   */
  public static List<TargetResult.OutputFile> list(Path dir) throws IOException {
    List<TargetResult.OutputFile> outputs = new ArrayList<>();
    for (Entry e : entries(dir, false)) {
      outputs.add(new TargetResult.OutputFile(e.name(), e.link() ? 0 : e.size(), e.linkTarget()));
    }
    return outputs;
  }

  /**
   * Writes {@code archive} from the regular files and symbolic links under {@code dir}, as a tar.gz
   * or a zip as its name ends, every entry dated {@code epochSeconds}. The file appears whole or
   * not at all.
   *
   * @throws UnsafeOutputLinkException when a link dangles, is absolute or points out of {@code dir}
   * @throws IllegalArgumentException when the name ends with neither extension or the epoch is
   *     negative
   */
  public static void pack(Path dir, Path archive, long epochSeconds) throws IOException {
    ArchiveFormat format = ArchiveFormat.forFileName(archive.getFileName().toString());
    if (format == null) {
      throw new IllegalArgumentException("Archive name must end with .tar.gz or .zip: " + archive);
    }
    if (epochSeconds < 0) {
      throw new IllegalArgumentException("Archive epoch must not be negative: " + epochSeconds);
    }
    List<Entry> entries = entries(dir, true);
    Path parent = archive.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // Not Files.createTempFile: its 0600 would survive the move; this one follows the umask.
    Path tmp =
        parent.resolve(
            "."
                + archive.getFileName()
                + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp");
    try {
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              1 << 16)) {
        if (format == ArchiveFormat.ZIP) {
          writeZip(entries, out, zipTime(epochSeconds, ZoneId.systemDefault()));
        } else {
          writeTarGz(entries, out, epochSeconds);
        }
      }
      Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (Throwable failure) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
      throw failure;
    }
  }

  // GNU long names and star big numbers instead of pax headers, which some tars warn about.
  private static void writeTarGz(List<Entry> entries, OutputStream out, long epochSeconds)
      throws IOException {
    GzipParameters gzip = new GzipParameters();
    gzip.setModificationTime(0);
    gzip.setOS(GzipParameters.OS.UNIX);
    gzip.setCompressionLevel(LEVEL);
    FileTime time = FileTime.from(epochSeconds, TimeUnit.SECONDS);
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip), UTF_8.name())) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
      for (Entry e : entries) {
        // built from a name, not a File: a File brings atime/ctime, which become pax headers
        TarArchiveEntry entry =
            e.link()
                ? new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK)
                : new TarArchiveEntry(e.name());
        if (e.link()) {
          entry.setLinkName(e.linkTarget());
          entry.setSize(0);
        } else {
          entry.setSize(e.size());
        }
        entry.setMode(e.mode());
        entry.setModTime(time);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        tar.putArchiveEntry(entry);
        if (!e.link()) {
          Files.copy(e.path(), tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  private static void writeZip(List<Entry> entries, OutputStream out, long time)
      throws IOException {
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      zip.setEncoding(UTF_8.name());
      zip.setMethod(ZipEntry.DEFLATED);
      zip.setLevel(LEVEL);
      for (Entry e : entries) {
        ZipArchiveEntry entry = new ZipArchiveEntry(e.name());
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setTime(time);
        // commons-compress adds timestamp fields to times it takes for "not DOS", such as
        // 1980-01-01T00:00
        // once the default zone changed after it loaded; the DOS fields alone are what should be
        // written
        for (ZipShort field : TIME_FIELDS) {
          if (entry.getExtraField(field) != null) {
            entry.removeExtraField(field);
          }
        }
        entry.setUnixMode(
            e.mode()); // also marks the entry as made on Unix, so the mode is read back
        byte[] linkTarget = e.link() ? e.linkTarget().getBytes(UTF_8) : null;
        entry.setSize(e.link() ? linkTarget.length : e.size());
        zip.putArchiveEntry(entry);
        if (e.link()) {
          zip.write(linkTarget); // a Unix zip holds a link as a file whose content is the target
        } else {
          Files.copy(e.path(), zip);
        }
        zip.closeArchiveEntry();
      }
      zip.finish();
    }
  }

  /**
   * The Java time to give a zip entry so that it holds the UTC date and time of {@code
   * epochSeconds} (clamped to what a zip can hold). Zip times are local wall-clock fields, and
   * commons-compress derives them in the JVM's default zone; this undoes that zone so the bytes do
   * not depend on the machine. Only a time that {@code zone} skips (a spring-forward hour) comes
   * out shifted by the gap.
   */
  static long zipTime(long epochSeconds, ZoneId zone) {
    long clamped = Math.min(Math.max(epochSeconds, DEFAULT_EPOCH), LATEST_ZIP_EPOCH);
    return LocalDateTime.ofEpochSecond(clamped, 0, ZoneOffset.UTC)
        .atZone(zone)
        .toInstant()
        .toEpochMilli();
  }

  /** A file or link to pack, by its '/'-separated path relative to the packed directory. */
  private record Entry(String name, Path path, long size, boolean executable, String linkTarget) {
    boolean link() {
      return linkTarget != null;
    }

    int mode() {
      return link() ? SYMLINK : executable ? EXECUTABLE : FILE;
    }
  }

  private static List<Entry> entries(Path dir, boolean checkLinks) throws IOException {
    Path base = dir.toAbsolutePath().normalize();
    Path real = base.toRealPath();
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(base)) {
      for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
        Path path = it.next();
        if (path.equals(base)) {
          continue;
        }
        BasicFileAttributes attributes =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String name = base.relativize(path).toString().replace('\\', '/');
        if (attributes.isSymbolicLink()) {
          String target = Files.readSymbolicLink(path).toString().replace('\\', '/');
          if (checkLinks) {
            checkLink(base, real, path, name, target);
          }
          entries.add(new Entry(name, path, 0, false, target));
        } else if (attributes.isRegularFile()) {
          entries.add(new Entry(name, path, attributes.size(), ownerExecutable(path), null));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    entries.sort(Comparator.comparing(Entry::name));
    return entries;
  }

  // Checked both as written and as resolved: "d/../x" with d -> . reads inside but lands outside.
  private static void checkLink(Path base, Path real, Path link, String name, String target)
      throws UnsafeOutputLinkException {
    Path written = Path.of(target);
    if (written.isAbsolute()) {
      throw new UnsafeOutputLinkException(name, target, "is absolute");
    }
    if (!link.getParent().resolve(written).normalize().startsWith(base)) {
      throw new UnsafeOutputLinkException(name, target, "points out of the output directory");
    }
    Path resolved;
    try {
      resolved = link.toRealPath();
    } catch (NoSuchFileException e) {
      throw new UnsafeOutputLinkException(name, target, "points to nothing (it dangles)");
    } catch (IOException e) {
      throw new UnsafeOutputLinkException(
          name, target, "cannot be followed (" + e.getMessage() + ")");
    }
    if (!resolved.startsWith(real)) {
      throw new UnsafeOutputLinkException(
          name, target, "points out of the output directory through " + "another link");
    }
  }

  private static boolean ownerExecutable(Path file) throws IOException {
    try {
      return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
          .contains(PosixFilePermission.OWNER_EXECUTE);
    } catch (UnsupportedOperationException e) {
      return Files.isExecutable(file); // a file system without POSIX permissions
    }
  }
}
