package dev.crossbuild.audit;

import static dev.crossbuild.audit.BinaryFile.u32;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the Mach-O header and load commands of a thin file, or of the first slice of a fat one. */
final class MachOReader {

  static final int MH_MAGIC = 0xfeedface;
  static final int MH_MAGIC_64 = 0xfeedfacf;
  static final int MH_CIGAM = 0xcefaedfe;
  static final int MH_CIGAM_64 = 0xcffaedfe;
  static final int FAT_MAGIC = 0xcafebabe;
  static final int FAT_MAGIC_64 = 0xcafebabf;

  /**
   * Java class files share FAT_MAGIC; their next word holds the class version (major 45 and up),
   * while real fat files hold a handful of architectures.
   */
  private static final long MAX_FAT_ARCHS = 20;

  private static final int LC_LOAD_DYLIB = 0xc;
  private static final int LC_LOAD_DYLINKER = 0xe;
  private static final int LC_LOAD_WEAK_DYLIB = 0x80000018;
  private static final int LC_REEXPORT_DYLIB = 0x8000001f;
  private static final int LC_LAZY_LOAD_DYLIB = 0x20;
  private static final int LC_LOAD_UPWARD_DYLIB = 0x80000023;

  private MachOReader() {}

  /**
   * Whether a big-endian read of the first four bytes is a thin Mach-O magic, in either byte order.
   */
  static boolean isThin(int magic) {
    return magic == MH_MAGIC || magic == MH_MAGIC_64 || magic == MH_CIGAM || magic == MH_CIGAM_64;
  }

  /**
   * Reads a file starting with FAT_MAGIC or FAT_MAGIC_64; empty when it is really a Java class
   * file.
   */
  static Optional<BinaryInfo> readFat(BinaryFile file, int magic) throws IOException {
    if (file.size() < 8) {
      return Optional.empty();
    }
    long count = u32(file.read(4, 4, "fat header", ByteOrder.BIG_ENDIAN), 0);
    if (count == 0 || count >= MAX_FAT_ARCHS) {
      return Optional.empty();
    }
    // fat_arch is 5 words; fat_arch_64 widens offset and size to 64 bits and adds a reserved word.
    boolean wide = magic == FAT_MAGIC_64;
    ByteBuffer first =
        file.read(8, wide ? 32 : 20, "Mach-O fat architecture table", ByteOrder.BIG_ENDIAN);
    long offset = wide ? first.getLong(8) : u32(first, 8);
    BinaryInfo slice = readThin(file, offset);
    return Optional.of(count > 1 ? slice.withMachine("universal") : slice);
  }

  /** Reads the thin Mach-O image that starts at {@code start} (0, or a fat slice's offset). */
  static BinaryInfo readThin(BinaryFile file, long start) throws IOException {
    int magic = file.read(start, 4, "Mach-O header", ByteOrder.BIG_ENDIAN).getInt(0);
    if (!isThin(magic)) {
      throw file.corrupt(
          "fat slice at byte " + start + " does not start with a Mach-O magic number");
    }
    ByteOrder order =
        magic == MH_MAGIC || magic == MH_MAGIC_64 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    boolean is64 = magic == MH_MAGIC_64 || magic == MH_CIGAM_64;
    int headerSize = is64 ? 32 : 28;
    ByteBuffer header = file.read(start, headerSize, "Mach-O header", order);
    int cputype = header.getInt(4);
    long ncmds = u32(header, 16);
    ByteBuffer commands =
        file.read(start + headerSize, u32(header, 20), "Mach-O load command table", order);

    String interpreter = null;
    List<String> needed = new ArrayList<>();
    int at = 0;
    for (long i = 0; i < ncmds; i++) {
      if (at + 8 > commands.limit()) {
        throw file.corrupt("Mach-O load command " + i + " of " + ncmds + " lies beyond sizeofcmds");
      }
      int cmd = commands.getInt(at);
      long size = u32(commands, at + 4);
      if (size < 8 || size > commands.limit() - at) {
        throw file.corrupt("Mach-O load command " + i + " has size " + size);
      }
      if (cmd == LC_LOAD_DYLINKER) {
        interpreter = commandString(file, commands, at, (int) size);
      } else if (isDylibLoad(cmd)) {
        needed.add(commandString(file, commands, at, (int) size));
      }
      at += (int) size;
    }
    // Every program linked against a dylib goes through dyld; a fully static Mach-O has neither.
    boolean dynamic = interpreter != null || !needed.isEmpty();
    return new BinaryInfo(
        file.path(),
        BinaryFormat.MACH_O,
        machine(cputype),
        is64 ? 64 : 32,
        dynamic,
        interpreter,
        needed,
        null,
        null,
        null);
  }

  private static boolean isDylibLoad(int cmd) {
    return cmd == LC_LOAD_DYLIB
        || cmd == LC_LOAD_WEAK_DYLIB
        || cmd == LC_REEXPORT_DYLIB
        || cmd == LC_LAZY_LOAD_DYLIB
        || cmd == LC_LOAD_UPWARD_DYLIB;
  }

  /**
   * The lc_str of a dylinker or dylib command: an offset, from the command start, to a C string.
   */
  private static String commandString(BinaryFile file, ByteBuffer commands, int at, int size)
      throws BinaryFormatException {
    if (size < 12) {
      throw file.corrupt("Mach-O load command at byte " + at + " is too short for a path");
    }
    ByteBuffer command =
        commands.slice(at, size).order(commands.order()); // slice() resets the order
    return file.string(command, u32(command, 8), "Mach-O load command");
  }

  private static String machine(int cputype) {
    return switch (cputype) {
      case 0x01000007 -> "amd64";
      case 0x0100000c -> "arm64";
      case 7 -> "386";
      case 12 -> "arm";
      case 0x01000012 -> "ppc64";
      default -> "unknown(" + Integer.toUnsignedString(cputype) + ")";
    };
  }
}
