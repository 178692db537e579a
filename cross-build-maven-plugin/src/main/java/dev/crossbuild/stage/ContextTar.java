package dev.crossbuild.stage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A build context written as a tar stream: files of a directory under a prefix, plus small
 * generated entries such as the Dockerfile. Files are read while the tar is written, one buffer at
 * a time, so a context of any size takes constant memory. Entries carry a fixed time, owner root
 * and mode 0644 (0755 when executable or a directory), so the same sources give the same bytes.
 *
 * <p>Note for build steps: every file carries the same old timestamp (unless {@link
 * #withRealTimes}), so tools that compare timestamps (make, cargo's fingerprints of local crates)
 * see the copied sources as older than outputs made in an earlier stage; such steps must touch the
 * sources or clean those outputs.
 */
public final class ContextTar {

  /** 2000-01-01T00:00:00Z: fixed for reproducible bytes, after 1980 so zip tools accept it. */
  public static final Instant FIXED_TIME = Instant.parse("2000-01-01T00:00:00Z");

  private static final int BUFFER = 64 * 1024;

  private sealed interface Source permits OnDisk, InMemory, EmptyDirectory {}

  private record OnDisk(Path dir, String relative) implements Source {}

  private record InMemory(byte[] content) implements Source {}

  private record EmptyDirectory() implements Source {}

  private record Entry(String name, Source source) {}

  /** What one {@link #writeTo} wrote. */
  public record Written(int entries, long contentBytes, long tarBytes) {}

  private final List<Entry> entries = new ArrayList<>();
  private boolean realTimes;
  private final Set<String> names = new HashSet<>();

  /**
   * Adds files of a directory (as listed by {@link ContextFiles#list}), each under {@code prefix}
   * ({@code "src/"}, or empty for the root). Symbolic links are stored as links.
   *
   * @throws IllegalArgumentException when a path is absolute, climbs out with {@code ..}, or names
   *     an entry already added
   */
  public ContextTar addDirectory(Path dir, List<String> relativePaths, String prefix) {
    Objects.requireNonNull(dir, "dir");
    String base = directoryPrefix(prefix);
    for (String relative : relativePaths.stream().sorted().toList()) {
      add(base + checkedRelative(relative), new OnDisk(dir, relative));
    }
    return this;
  }

  /**
   * Gives the files of {@link #addDirectory} their real modification times instead of the fixed
   * one: for the source stage, whose build cache (cargo's fingerprints) compares them. The bytes
   * then depend on the checkout's times; what is built from them does not.
   */
  public ContextTar withRealTimes() {
    this.realTimes = true;
    return this;
  }

  /**
   * Adds a directory that may stay empty (git needs {@code .git/refs} even when every ref is
   * packed).
   */
  public ContextTar addEmptyDirectory(String name) {
    add(checkedRelative(name) + "/", new EmptyDirectory());
    return this;
  }

  /** Adds a generated file, e.g. {@code Dockerfile}. */
  public ContextTar addFile(String name, byte[] content) {
    add(checkedRelative(name), new InMemory(content.clone()));
    return this;
  }

  /**
   * Writes the tar to {@code out}, which is flushed but left open.
   *
   * @throws IOException when a file cannot be read (or changed size while being read) or the stream
   *     fails
   */
  public Written writeTo(OutputStream out) throws IOException {
    CountingOutputStream counted = new CountingOutputStream(out);
    long content = 0;
    int count = 0;
    Set<String> directories = new HashSet<>();
    Map<Path, Path> realDirs = new HashMap<>();
    TarArchiveOutputStream tar = new TarArchiveOutputStream(counted, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    byte[] buffer = new byte[BUFFER];
    for (Entry entry : entries) {
      count += writeParents(tar, entry.name(), directories);
      if (entry.source() instanceof EmptyDirectory) {
        continue; // writeParents wrote it: its name ends with a slash
      }
      if (entry.source() instanceof InMemory memory) {
        TarArchiveEntry header = header(entry.name(), TarConstants.LF_NORMAL, 0644);
        header.setSize(memory.content().length);
        tar.putArchiveEntry(header);
        tar.write(memory.content());
        content += memory.content().length;
      } else {
        content +=
            writeFromDisk(tar, entry.name(), (OnDisk) entry.source(), realDirs, buffer, realTimes);
      }
      tar.closeArchiveEntry();
      count++;
    }
    tar.finish();
    counted.flush();
    return new Written(count, content, counted.count);
  }

  private static long writeFromDisk(
      TarArchiveOutputStream tar,
      String name,
      OnDisk source,
      Map<Path, Path> realDirs,
      byte[] buffer,
      boolean realTimes)
      throws IOException {
    Path file = source.dir().resolve(source.relative());
    checkInside(source.dir(), file, realDirs);
    if (Files.isSymbolicLink(file)) {
      TarArchiveEntry header = header(name, TarConstants.LF_SYMLINK, 0777);
      header.setLinkName(Files.readSymbolicLink(file).toString().replace('\\', '/'));
      tar.putArchiveEntry(header);
      return 0;
    }
    boolean executable = executable(file);
    TarArchiveEntry header = header(name, TarConstants.LF_NORMAL, executable ? 0755 : 0644);
    if (realTimes) {
      header.setLastModifiedTime(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
    }
    long size = Files.size(file);
    header.setSize(size);
    tar.putArchiveEntry(header);
    long copied = 0;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      for (int n = in.read(buffer); n >= 0 && copied < size; n = in.read(buffer)) {
        int take = (int) Math.min(n, size - copied);
        tar.write(buffer, 0, take);
        copied += take;
      }
    }
    if (copied != size) {
      throw new IOException(
          "File changed while being sent to the engine: "
              + file
              + " ("
              + size
              + " bytes expected, "
              + copied
              + " read)");
    }
    return copied;
  }

  /** Git's notion: the owner may execute it. */
  private static boolean executable(Path file) throws IOException {
    try {
      return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
    } catch (UnsupportedOperationException notPosix) {
      return Files.isExecutable(file);
    }
  }

  /**
   * Refuses a listed path whose parent directory is (through a link) outside the added directory.
   */
  private static void checkInside(Path dir, Path file, Map<Path, Path> realDirs)
      throws IOException {
    Path root = realDirs.computeIfAbsent(dir, d -> realPath(d));
    Path parent = realDirs.computeIfAbsent(file.getParent(), d -> realPath(d));
    if (!parent.startsWith(root)) {
      throw new IOException("Refusing to follow a link out of " + dir + ": " + file);
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int writeParents(TarArchiveOutputStream tar, String name, Set<String> directories)
      throws IOException {
    int written = 0;
    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
      String directory = name.substring(0, slash + 1);
      if (directories.add(directory)) {
        tar.putArchiveEntry(header(directory, TarConstants.LF_DIR, 0755));
        tar.closeArchiveEntry();
        written++;
      }
    }
    return written;
  }

  private static TarArchiveEntry header(String name, byte type, int mode) {
    TarArchiveEntry header = new TarArchiveEntry(name, type);
    header.setMode(
        (type == TarConstants.LF_DIR
                ? TarArchiveEntry.DEFAULT_DIR_MODE & ~07777
                : type == TarConstants.LF_SYMLINK
                    ? 0120000
                    : TarArchiveEntry.DEFAULT_FILE_MODE & ~07777)
            | mode);
    header.setLastModifiedTime(FileTime.from(FIXED_TIME));
    header.setUserId(0);
    header.setGroupId(0);
    header.setUserName("root");
    header.setGroupName("root");
    return header;
  }

  private void add(String name, Source source) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("Build context entry added twice: " + name);
    }
    entries.add(new Entry(name, source));
  }

  private static String directoryPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty() || prefix.equals("/")) {
      return "";
    }
    String checked =
        checkedRelative(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
    return checked + "/";
  }

  private static String checkedRelative(String path) {
    String slashes = path.replace('\\', '/');
    if (slashes.isEmpty()
        || slashes.startsWith("/")
        || slashes.endsWith("/")
        || List.of(slashes.split("/", -1)).stream()
            .anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
      throw new IllegalArgumentException(
          "Not a relative path inside the build context: '" + path + "'");
    }
    return slashes;
  }

  /** Counts bytes and keeps the caller's stream open (the engine client closes it). */
  private static final class CountingOutputStream extends FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
