package dev.crossbuild.audit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Minimal binaries built byte by byte, for the formats no compiler here can produce (Mach-O, PE,
 * big-endian ELF). Each holds only what BinaryAudit reads; the layouts follow the format headers:
 * {@code <mach-o/loader.h>}, {@code <mach-o/fat.h>}, the Microsoft PE/COFF specification and {@code
 * <elf.h>}. None of them would load, but every offset in them is valid.
 */
final class SyntheticBinaries {

  static final int CPU_TYPE_X86_64 = 0x01000007;
  static final int CPU_TYPE_ARM64 = 0x0100000c;

  private SyntheticBinaries() {}

  /**
   * A thin MH_EXECUTE Mach-O: header, then an LC_LOAD_DYLINKER when {@code dylinker} is not null,
   * then one LC_LOAD_DYLIB per dylib.
   */
  static byte[] machO(
      ByteOrder order, boolean is64, int cputype, String dylinker, String... dylibs) {
    ByteBuffer commands = ByteBuffer.allocate(4096).order(order);
    int ncmds = 0;
    if (dylinker != null) {
      loadCommand(commands, 0xe, new int[0], dylinker); // dylinker_command: cmd, cmdsize, name
      ncmds++;
    }
    for (String dylib : dylibs) {
      // dylib_command: cmd, cmdsize, name, timestamp, current_version, compatibility_version
      loadCommand(commands, 0xc, new int[] {2, 0x10000, 0x10000}, dylib);
      ncmds++;
    }
    ByteBuffer file = ByteBuffer.allocate((is64 ? 32 : 28) + commands.position()).order(order);
    file.putInt(is64 ? 0xfeedfacf : 0xfeedface)
        .putInt(cputype)
        .putInt(0)
        .putInt(2) // MH_EXECUTE
        .putInt(ncmds)
        .putInt(commands.position())
        .putInt(0);
    if (is64) {
      file.putInt(0); // reserved
    }
    file.put(commands.array(), 0, commands.position());
    return file.array();
  }

  private static void loadCommand(ByteBuffer commands, int cmd, int[] fields, String path) {
    byte[] name = (path + '\0').getBytes(StandardCharsets.UTF_8);
    int nameOffset = 12 + 4 * fields.length;
    int size = (nameOffset + name.length + 7) & ~7; // load commands are padded to 8 bytes
    int start = commands.position();
    commands.putInt(cmd).putInt(size).putInt(nameOffset);
    for (int field : fields) {
      commands.putInt(field);
    }
    commands.put(name).position(start + size);
  }

  /** A fat (universal) file: big-endian fat header and fat_arch table, then each slice at 4 KiB. */
  static byte[] fat(int[] cputypes, byte[][] slices) {
    int offset = 4096;
    int total = offset;
    for (byte[] slice : slices) {
      total += (slice.length + 4095) & ~4095;
    }
    ByteBuffer file = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
    file.putInt(0xcafebabe).putInt(slices.length);
    for (int i = 0; i < slices.length; i++) {
      file.putInt(cputypes[i]).putInt(0).putInt(offset).putInt(slices[i].length).putInt(12);
      file.put(offset, slices[i]);
      offset += (slices[i].length + 4095) & ~4095;
    }
    return file.array();
  }

  /**
   * A PE image with one section holding the import directory: DOS header (e_lfanew 0x40), "PE\0\0",
   * COFF header, PE32 or PE32+ optional header with 16 data directories, one section header, and at
   * file offset 0x200 (RVA 0x1000) one import descriptor per DLL followed by the DLL names. With no
   * DLLs there is no import directory at all.
   */
  static byte[] pe(int machine, boolean is64, String... dlls) {
    int optionalSize = (is64 ? 112 : 96) + 16 * 8;
    ByteBuffer file = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
    file.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x40);
    file.putInt(0x40, 0x00004550); // "PE\0\0"
    file.putShort(0x44, (short) machine)
        .putShort(0x46, (short) 1)
        .putShort(0x54, (short) optionalSize)
        .putShort(0x56, (short) 0x22);
    int optional = 0x58;
    file.putShort(optional, (short) (is64 ? 0x20b : 0x10b));
    int directories = optional + (is64 ? 108 : 92);
    file.putInt(directories, 16);
    if (dlls.length > 0) { // data directory 1, the import table
      file.putInt(directories + 4 + 8, 0x1000).putInt(directories + 4 + 12, 20 * (dlls.length + 1));
    }
    int section = optional + optionalSize;
    file.put(section, ".idata\0\0".getBytes(StandardCharsets.US_ASCII));
    file.putInt(section + 8, 0x200)
        .putInt(section + 12, 0x1000) // VirtualSize, VirtualAddress
        .putInt(section + 16, 0x200)
        .putInt(section + 20, 0x200); // SizeOfRawData, PointerToRawData
    int nameRva = 0x1000 + 20 * (dlls.length + 1);
    for (int i = 0; i < dlls.length; i++) {
      int descriptor = 0x200 + 20 * i;
      file.putInt(descriptor, 0x1180)
          .putInt(descriptor + 12, nameRva)
          .putInt(descriptor + 16, 0x1180);
      byte[] name = (dlls[i] + '\0').getBytes(StandardCharsets.US_ASCII);
      file.put(0x200 + nameRva - 0x1000, name);
      nameRva += name.length;
    }
    return file.array();
  }

  /**
   * An ELF executable with only a header and, when {@code interpreter} is not null, a PT_INTERP.
   */
  static byte[] elf(boolean is64, ByteOrder order, int machine, String interpreter) {
    int headerSize = is64 ? 64 : 52;
    int phentsize = is64 ? 56 : 32;
    byte[] path =
        interpreter == null ? new byte[0] : (interpreter + '\0').getBytes(StandardCharsets.UTF_8);
    int phnum = interpreter == null ? 0 : 1;
    int pathOffset = headerSize + phentsize * phnum;
    ByteBuffer file = ByteBuffer.allocate(pathOffset + path.length).order(order);
    file.put(
        new byte[] {
          0x7f,
          'E',
          'L',
          'F',
          (byte) (is64 ? 2 : 1),
          (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2),
          1
        });
    file.putShort(16, (short) 2).putShort(18, (short) machine).putInt(20, 1); // ET_EXEC, EV_CURRENT
    if (is64) {
      file.putLong(32, phnum == 0 ? 0 : headerSize)
          .putShort(52, (short) headerSize)
          .putShort(54, (short) phentsize)
          .putShort(56, (short) phnum)
          .putShort(58, (short) 64);
      if (phnum == 1) {
        file.putInt(64, 3).putLong(64 + 8, pathOffset).putLong(64 + 32, path.length);
      }
    } else {
      file.putInt(28, phnum == 0 ? 0 : headerSize)
          .putShort(40, (short) headerSize)
          .putShort(42, (short) phentsize)
          .putShort(44, (short) phnum)
          .putShort(46, (short) 40);
      if (phnum == 1) {
        file.putInt(52, 3).putInt(52 + 4, pathOffset).putInt(52 + 16, path.length);
      }
    }
    file.put(pathOffset, path);
    return file.array();
  }

  /**
   * A copy of a little-endian ELF file with its section header table forgotten (e_shoff, e_shnum
   * and e_shstrndx zeroed), as {@code sstrip} leaves it: the audit must then go through PT_DYNAMIC.
   */
  static byte[] withoutSectionHeaders(byte[] elf) {
    ByteBuffer file = ByteBuffer.wrap(elf.clone()).order(ByteOrder.LITTLE_ENDIAN);
    if (file.get(4) == 2) {
      file.putLong(40, 0).putShort(60, (short) 0).putShort(62, (short) 0);
    } else {
      file.putInt(32, 0).putShort(48, (short) 0).putShort(50, (short) 0);
    }
    return file.array();
  }
}
