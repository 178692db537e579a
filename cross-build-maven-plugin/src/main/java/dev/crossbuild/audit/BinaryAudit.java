package dev.crossbuild.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tells, from the headers alone, what a compiled binary needs to run: its CPU, its loader, its
 * shared libraries and the newest glibc it was linked against. Pure Java, so it works on artifacts
 * built for any target without the target's {@code readelf} or an emulator.
 */
public final class BinaryAudit {

  private BinaryAudit() {}

  /**
   * Reads the headers of {@code file}. Only the headers and the few tables they point to are read,
   * through positional reads, so big binaries cost no more than small ones.
   *
   * @param file the file to read
   * @param relativePath the path to report in {@link BinaryInfo#path()} and in error messages
   * @return the binary's description; empty when it is not an ELF, Mach-O (thin or fat) or PE file
   *     (scripts, jars, Java class files, text)
   * @throws BinaryFormatException when the magic number matched but the headers are truncated or
   *     corrupt
   * @throws IOException when the file cannot be read
   */
  public static Optional<BinaryInfo> read(Path file, String relativePath) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      BinaryFile binary = new BinaryFile(channel, relativePath);
      ByteBuffer start = binary.prefix(4);
      if (start.limit() < 2) {
        return Optional.empty();
      }
      if (start.limit() == 4) {
        int magic = start.getInt(0);
        if (magic == 0x7f454c46) { // "\177ELF"
          return Optional.of(ElfReader.read(binary));
        }
        if (MachOReader.isThin(magic)) {
          return Optional.of(MachOReader.readThin(binary, 0));
        }
        if (magic == MachOReader.FAT_MAGIC || magic == MachOReader.FAT_MAGIC_64) {
          return MachOReader.readFat(binary, magic);
        }
      }
      if (start.get(0) == 'M' && start.get(1) == 'Z') {
        return PeReader.read(binary);
      }
      return Optional.empty();
    }
  }

  /**
   * Audits every binary under {@code dir}: regular files only, symbolic links are neither followed
   * nor read (the file they point to is audited where it lies, if under {@code dir}).
   *
   * @param dir the directory to walk
   * @return one entry per binary, sorted by its path relative to {@code dir} with '/' separators
   * @throws BinaryFormatException for the first file whose magic matched but whose headers are
   *     corrupt
   * @throws IOException when the directory or a file cannot be read
   */
  public static List<BinaryInfo> readAll(Path dir) throws IOException {
    List<BinaryInfo> binaries = new ArrayList<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            if (attributes.isRegularFile()) {
              read(file, relative(dir, file)).ifPresent(binaries::add);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    binaries.sort(Comparator.comparing(BinaryInfo::path));
    return List.copyOf(binaries);
  }

  private static String relative(Path dir, Path file) {
    List<String> names = new ArrayList<>();
    dir.relativize(file).forEach(name -> names.add(name.toString()));
    return String.join("/", names);
  }
}
