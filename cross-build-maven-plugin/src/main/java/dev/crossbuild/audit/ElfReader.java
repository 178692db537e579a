package dev.crossbuild.audit;

import static dev.crossbuild.audit.BinaryFile.u16;
import static dev.crossbuild.audit.BinaryFile.u32;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ELF header, program headers, dynamic section and notes of one file: the machine, the
 * loader it asks for, the libraries it needs, the glibc/libstdc++ symbol versions it requires and
 * the C library it was linked against.
 */
final class ElfReader {

  private static final long PT_LOAD = 1;
  private static final long PT_DYNAMIC = 2;
  private static final long PT_INTERP = 3;
  private static final long PT_NOTE = 4;
  private static final long NT_GNU_ABI_TAG = 1;
  private static final long SHT_DYNAMIC = 6;
  private static final long SHT_GNU_VERNEED = 0x6ffffffeL;
  private static final long DT_NULL = 0;
  private static final long DT_NEEDED = 1;
  private static final long DT_STRTAB = 5;
  private static final long DT_STRSZ = 10;
  private static final long DT_VERNEED = 0x6ffffffeL;
  private static final long DT_VERNEEDNUM = 0x6fffffffL;

  /** Bounds the walk of version-needed chains, which a corrupt file could make loop forever. */
  private static final int MAX_VERSION_NAMES = 4096;

  private static final int MAX_INTERPRETER = 4096;

  /** Only numbered versions count: GLIBC_PRIVATE and GLIBC_ABI_DT_RELR say nothing about age. */
  private static final Pattern GLIBC = Pattern.compile("GLIBC_(\\d+(?:\\.\\d+)+)");

  private static final Pattern GLIBCXX = Pattern.compile("GLIBCXX_(\\d+(?:\\.\\d+)+)");
  private static final String DYNSTR = "ELF dynamic string table";

  private record Segment(long type, long offset, long vaddr, long filesz, long align) {}

  private record Section(long type, long offset, long size, int link, long info) {}

  private record Dyn(long tag, long value) {}

  private final BinaryFile file;
  private final boolean is64;
  private final ByteOrder order;

  private ElfReader(BinaryFile file, boolean is64, ByteOrder order) {
    this.file = file;
    this.is64 = is64;
    this.order = order;
  }

  /** Reads a file whose first four bytes are the ELF magic. */
  static BinaryInfo read(BinaryFile file) throws IOException {
    ByteBuffer ident = file.prefix(16);
    if (ident.limit() < 16) {
      throw file.corrupt("the ELF identification needs 16 bytes but the file has " + file.size());
    }
    int elfClass = ident.get(4);
    int data = ident.get(5);
    if (elfClass != 1 && elfClass != 2) {
      throw file.corrupt(
          "unknown ELF class " + elfClass + " (expected 1 for 32-bit or 2 for 64-bit)");
    }
    if (data != 1 && data != 2) {
      throw file.corrupt("unknown ELF data encoding " + data + " (expected 1 or 2)");
    }
    ByteOrder order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    return new ElfReader(file, elfClass == 2, order).read();
  }

  private BinaryInfo read() throws IOException {
    ByteBuffer header = file.read(0, is64 ? 64 : 52, "ELF header", order);
    int machine = u16(header, 18);
    long phoff = word(header, is64 ? 32 : 28);
    long shoff = word(header, is64 ? 40 : 32);
    int sizes = is64 ? 54 : 42;
    List<Section> sections = sections(shoff, u16(header, sizes + 4), u16(header, sizes + 6));
    int phnum = u16(header, sizes + 2);
    if (phnum == 0xffff && !sections.isEmpty()) {
      phnum = (int) sections.get(0).info(); // PN_XNUM: the real count lives in section 0
    }
    List<Segment> segments = segments(phoff, u16(header, sizes), phnum);

    String interpreter = null;
    boolean dynamic = false;
    for (Segment segment : segments) {
      // Separate debug files (objcopy --only-keep-debug) keep PT_INTERP but not its bytes: filesz
      // 0.
      if (segment.type() == PT_INTERP && interpreter == null && segment.filesz() > 0) {
        ByteBuffer path =
            file.read(
                segment.offset(),
                Math.min(segment.filesz(), MAX_INTERPRETER),
                "ELF interpreter path",
                order);
        interpreter = file.string(path, 0, "ELF interpreter path");
      }
      dynamic |= segment.type() == PT_DYNAMIC;
    }

    List<String> needed = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    readDynamic(sections, segments, needed, versions);
    String glibc = null;
    String glibcxx = null;
    for (String version : versions) {
      glibc = GlibcVersions.max(glibc, numbered(GLIBC, version));
      glibcxx = GlibcVersions.max(glibcxx, numbered(GLIBCXX, version));
    }
    String libc = LibcEvidence.libc(interpreter, needed, versions, hasGnuAbiTag(segments));
    return new BinaryInfo(
        file.path(),
        BinaryFormat.ELF,
        machine(machine),
        is64 ? 64 : 32,
        dynamic,
        interpreter,
        needed,
        glibc,
        glibcxx,
        libc);
  }

  /** Whether a PT_NOTE segment holds an NT_GNU_ABI_TAG note, which glibc's crt1.o contributes. */
  private boolean hasGnuAbiTag(List<Segment> segments) throws IOException {
    for (Segment segment : segments) {
      if (segment.type() == PT_NOTE
          && segment.filesz() > 0
          && hasGnuAbiTag(
              file.read(segment.offset(), segment.filesz(), "ELF note", order),
              segment.align() == 8 ? 8 : 4)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Walks the notes of one segment (Elf32_Nhdr and Elf64_Nhdr alike: three 32-bit words, then the
   * owner name and the descriptor, each padded to {@code align}, which is 4 except in segments
   * aligned to 8 such as .note.gnu.property). A malformed note ends the walk without failing the
   * audit: notes are optional, and one that cannot be read says nothing about the C library.
   */
  private static boolean hasGnuAbiTag(ByteBuffer notes, int align) {
    long at = 0;
    while (at + 12 <= notes.limit()) {
      long nameSize = u32(notes, (int) at);
      long descSize = u32(notes, (int) at + 4);
      long type = u32(notes, (int) at + 8);
      long name = at + 12;
      if (name + nameSize > notes.limit()) {
        return false;
      }
      if (type == NT_GNU_ABI_TAG && nameSize == 4 && isGnu(notes, (int) name)) {
        return true;
      }
      at = name + padded(nameSize, align) + padded(descSize, align);
    }
    return false;
  }

  private static boolean isGnu(ByteBuffer notes, int at) {
    return notes.get(at) == 'G'
        && notes.get(at + 1) == 'N'
        && notes.get(at + 2) == 'U'
        && notes.get(at + 3) == 0;
  }

  private static long padded(long size, int align) {
    return (size + align - 1) & -align;
  }

  /**
   * Section headers first, since they name their string tables directly; binaries without them
   * (sstrip, some loaders) still carry the same data behind PT_DYNAMIC, addressed in memory.
   */
  private void readDynamic(
      List<Section> sections, List<Segment> segments, List<String> needed, List<String> versions)
      throws IOException {
    Section dynamicSection =
        sections.stream().filter(s -> s.type() == SHT_DYNAMIC).findFirst().orElse(null);
    List<Dyn> entries;
    ByteBuffer strtab;
    if (dynamicSection != null) {
      entries = dynamicEntries(dynamicSection.offset(), dynamicSection.size());
      strtab = sectionData(sections, dynamicSection.link());
      for (Section section : sections) {
        if (section.type() == SHT_GNU_VERNEED) {
          versions.addAll(
              versionNames(
                  section.offset(), section.info(), sectionData(sections, section.link())));
        }
      }
    } else {
      Segment dynamicSegment =
          segments.stream().filter(s -> s.type() == PT_DYNAMIC).findFirst().orElse(null);
      if (dynamicSegment == null) {
        return;
      }
      entries = dynamicEntries(dynamicSegment.offset(), dynamicSegment.filesz());
      long strtabAddress = tag(entries, DT_STRTAB);
      strtab =
          strtabAddress < 0
              ? ByteBuffer.allocate(0)
              : file.read(
                  fileOffset(segments, strtabAddress),
                  Math.max(tag(entries, DT_STRSZ), 0),
                  DYNSTR,
                  order);
      long verneedAddress = tag(entries, DT_VERNEED);
      if (verneedAddress >= 0) {
        versions.addAll(
            versionNames(
                fileOffset(segments, verneedAddress), tag(entries, DT_VERNEEDNUM), strtab));
      }
    }
    for (Dyn entry : entries) {
      if (entry.tag() == DT_NEEDED) {
        needed.add(file.string(strtab, entry.value(), DYNSTR));
      }
    }
  }

  private List<Section> sections(long shoff, int entsize, int count) throws IOException {
    if (shoff == 0) {
      return List.of();
    }
    int minimum = is64 ? 64 : 40;
    if (entsize < minimum) {
      throw file.corrupt("ELF section header size " + entsize + " is smaller than " + minimum);
    }
    if (count == 0) {
      // More than 0xff00 sections: the real count is the size field of section 0.
      count =
          (int)
              Math.min(
                  sectionAt(file.read(shoff, entsize, "ELF section header table", order), 0).size(),
                  Integer.MAX_VALUE / entsize);
    }
    ByteBuffer table = file.read(shoff, (long) entsize * count, "ELF section header table", order);
    List<Section> sections = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sections.add(sectionAt(table, i * entsize));
    }
    return sections;
  }

  private Section sectionAt(ByteBuffer table, int at) {
    return is64
        ? new Section(
            u32(table, at + 4),
            table.getLong(at + 24),
            table.getLong(at + 32),
            table.getInt(at + 40),
            u32(table, at + 44))
        : new Section(
            u32(table, at + 4),
            u32(table, at + 16),
            u32(table, at + 20),
            table.getInt(at + 24),
            u32(table, at + 28));
  }

  private List<Segment> segments(long phoff, int entsize, int count) throws IOException {
    if (count == 0) {
      return List.of();
    }
    int minimum = is64 ? 56 : 32;
    if (entsize < minimum) {
      throw file.corrupt("ELF program header size " + entsize + " is smaller than " + minimum);
    }
    ByteBuffer table = file.read(phoff, (long) entsize * count, "ELF program header table", order);
    List<Segment> segments = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = i * entsize;
      segments.add(
          is64
              ? new Segment(
                  u32(table, at),
                  table.getLong(at + 8),
                  table.getLong(at + 16),
                  table.getLong(at + 32),
                  table.getLong(at + 48))
              : new Segment(
                  u32(table, at),
                  u32(table, at + 4),
                  u32(table, at + 8),
                  u32(table, at + 16),
                  u32(table, at + 28)));
    }
    return segments;
  }

  private ByteBuffer sectionData(List<Section> sections, int index) throws IOException {
    if (index < 0 || index >= sections.size()) {
      throw file.corrupt(
          "ELF section link " + index + " names no section (there are " + sections.size() + ")");
    }
    Section section = sections.get(index);
    return file.read(section.offset(), section.size(), DYNSTR, order);
  }

  private List<Dyn> dynamicEntries(long offset, long size) throws IOException {
    ByteBuffer table = file.read(offset, size, "ELF dynamic section", order);
    int entsize = is64 ? 16 : 8;
    List<Dyn> entries = new ArrayList<>();
    for (int at = 0; at + entsize <= table.limit(); at += entsize) {
      Dyn entry = new Dyn(word(table, at), word(table, at + entsize / 2));
      if (entry.tag() == DT_NULL) {
        break;
      }
      entries.add(entry);
    }
    return entries;
  }

  /** The value of the first entry with {@code tag}, or -1 when there is none. */
  private static long tag(List<Dyn> entries, long tag) {
    return entries.stream()
        .filter(e -> e.tag() == tag)
        .mapToLong(Dyn::value)
        .findFirst()
        .orElse(-1);
  }

  /** Maps a virtual address to its file offset through the PT_LOAD segment that holds it. */
  private long fileOffset(List<Segment> segments, long address) throws BinaryFormatException {
    for (Segment segment : segments) {
      if (segment.type() == PT_LOAD
          && address >= segment.vaddr()
          && address - segment.vaddr() < segment.filesz()) {
        return segment.offset() + (address - segment.vaddr());
      }
    }
    throw file.corrupt(
        "ELF dynamic address 0x" + Long.toHexString(address) + " lies in no PT_LOAD segment");
  }

  /**
   * The vna_name strings of the version-needed chain (Elf_Verneed and Elf_Vernaux, 16 bytes each).
   */
  private List<String> versionNames(long offset, long count, ByteBuffer strtab) throws IOException {
    List<String> names = new ArrayList<>();
    long entry = offset;
    for (long i = 0; i < count || count <= 0; i++) {
      ByteBuffer verneed = file.read(entry, 16, "ELF version-needed entry", order);
      long aux = entry + u32(verneed, 8);
      for (int j = 0; j < u16(verneed, 2); j++) {
        ByteBuffer vernaux = file.read(aux, 16, "ELF version-needed entry", order);
        names.add(file.string(strtab, u32(vernaux, 8), DYNSTR));
        if (names.size() > MAX_VERSION_NAMES) {
          throw file.corrupt(
              "ELF version-needed chain has more than " + MAX_VERSION_NAMES + " names");
        }
        if (u32(vernaux, 12) == 0) {
          break;
        }
        aux += u32(vernaux, 12);
      }
      if (u32(verneed, 12) == 0) {
        break;
      }
      entry += u32(verneed, 12);
    }
    return names;
  }

  private long word(ByteBuffer buffer, int index) {
    return is64 ? buffer.getLong(index) : u32(buffer, index);
  }

  private static String numbered(Pattern pattern, String version) {
    Matcher matcher = pattern.matcher(version);
    return matcher.matches() ? matcher.group(1) : null;
  }

  private String machine(int code) {
    return switch (code) {
      case 62 -> "amd64";
      case 183 -> "arm64";
      case 40 -> "arm";
      case 243 -> "riscv64";
      // EM_PPC64 covers both; the byte order is what tells ppc64le from the older big-endian ppc64.
      case 21 -> order == ByteOrder.LITTLE_ENDIAN ? "ppc64le" : "ppc64";
      case 22 -> "s390x";
      case 3 -> "386";
      default -> "unknown(" + code + ")";
    };
  }
}
