package dev.crossbuild.audit;

import static dev.crossbuild.audit.BinaryFile.u16;
import static dev.crossbuild.audit.BinaryFile.u32;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the COFF header, optional header and import directory of a Windows PE file. */
final class PeReader {

  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final int PE32 = 0x10b;
  private static final int PE32_PLUS = 0x20b;
  private static final int IMPORT_DIRECTORY = 1;

  /** Bounds the walk of the zero-terminated import descriptor array in a corrupt file. */
  private static final int MAX_IMPORTS = 4096;

  private static final int MAX_DLL_NAME = 512;

  private PeReader() {}

  /**
   * Reads a file starting with "MZ". Two bytes are weak evidence (DOS programs, text), so the file
   * only counts as a binary, and only fails as corrupt, once the "PE\0\0" signature is found.
   */
  static Optional<BinaryInfo> read(BinaryFile file) throws IOException {
    if (file.size() < 0x40) {
      return Optional.empty();
    }
    long peOffset = u32(file.read(0x3c, 4, "DOS header", LE), 0);
    if (peOffset > file.size() - 4
        || file.read(peOffset, 4, "PE signature", LE).getInt(0) != 0x00004550) {
      return Optional.empty();
    }
    ByteBuffer coff = file.read(peOffset + 4, 20, "COFF header", LE);
    int machine = u16(coff, 0);
    int sectionCount = u16(coff, 2);
    int optionalSize = u16(coff, 16);
    long optionalStart = peOffset + 24;
    ByteBuffer optional = file.read(optionalStart, optionalSize, "PE optional header", LE);
    if (optionalSize < 2) {
      throw file.corrupt(
          "PE optional header is " + optionalSize + " bytes, too short for its magic");
    }
    int magic = u16(optional, 0);
    if (magic != PE32 && magic != PE32_PLUS) {
      throw file.corrupt("unknown PE optional header magic 0x" + Integer.toHexString(magic));
    }
    boolean is64 = magic == PE32_PLUS;

    // The data directories follow the fixed fields, which PE32+ widens by 16 bytes.
    int directoryCountAt = is64 ? 108 : 92;
    long importRva = 0;
    if (optionalSize >= directoryCountAt + 4
        && u32(optional, directoryCountAt) > IMPORT_DIRECTORY) {
      int importAt = directoryCountAt + 4 + 8 * IMPORT_DIRECTORY;
      if (optionalSize >= importAt + 8) {
        importRva = u32(optional, importAt);
      }
    }
    List<String> needed = new ArrayList<>();
    if (importRva != 0) {
      ByteBuffer sections =
          file.read(optionalStart + optionalSize, 40L * sectionCount, "PE section table", LE);
      needed.addAll(importedDlls(file, sections, importRva));
    }
    // Windows has no PT_INTERP: the loader is the system's, so interpreter stays null.
    return Optional.of(
        new BinaryInfo(
            file.path(),
            BinaryFormat.PE,
            machine(machine),
            is64 ? 64 : 32,
            importRva != 0,
            null,
            needed,
            null,
            null,
            null));
  }

  /** The Name of each IMAGE_IMPORT_DESCRIPTOR (20 bytes each) up to the all-zero one. */
  private static List<String> importedDlls(BinaryFile file, ByteBuffer sections, long importRva)
      throws IOException {
    List<String> dlls = new ArrayList<>();
    long descriptor = fileOffset(file, sections, importRva);
    if (descriptor < 0) {
      return dlls; // a debug-only image: the section is declared but its bytes were left out
    }
    for (int i = 0; i < MAX_IMPORTS; i++) {
      ByteBuffer entry = file.read(descriptor + 20L * i, 20, "PE import descriptor", LE);
      long nameRva = u32(entry, 12);
      if (nameRva == 0 && u32(entry, 0) == 0 && u32(entry, 16) == 0) {
        return dlls;
      }
      long name = fileOffset(file, sections, nameRva);
      if (name < 0) {
        throw file.corrupt(
            "PE imported DLL name at address 0x"
                + Long.toHexString(nameRva)
                + " is not in the file");
      }
      dlls.add(file.string(name, MAX_DLL_NAME, "PE imported DLL name"));
    }
    throw file.corrupt(
        "PE import directory has no terminating entry within " + MAX_IMPORTS + " entries");
  }

  /**
   * Maps a relative virtual address to a file offset through the section that holds it; -1 when
   * that part of the section is not stored in the file (zero-filled in memory, or a debug-only
   * image).
   */
  private static long fileOffset(BinaryFile file, ByteBuffer sections, long rva)
      throws BinaryFormatException {
    for (int at = 0; at + 40 <= sections.limit(); at += 40) {
      long virtualSize = u32(sections, at + 8);
      long virtualAddress = u32(sections, at + 12);
      long rawSize = u32(sections, at + 16);
      long rawPointer = u32(sections, at + 20);
      if (rva >= virtualAddress && rva - virtualAddress < Math.max(virtualSize, rawSize)) {
        return rva - virtualAddress < rawSize ? rawPointer + (rva - virtualAddress) : -1;
      }
    }
    throw file.corrupt("PE address 0x" + Long.toHexString(rva) + " lies in no section");
  }

  private static String machine(int machine) {
    return switch (machine) {
      case 0x8664 -> "amd64";
      case 0xaa64 -> "arm64";
      case 0x14c -> "386";
      case 0x1c4 -> "arm";
      case 0x5064 -> "riscv64";
      default -> "unknown(" + machine + ")";
    };
  }
}
