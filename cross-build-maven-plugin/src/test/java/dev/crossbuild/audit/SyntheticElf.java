package dev.crossbuild.audit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal ELF64 executable built byte by byte, for the C libraries no compiler here links against
 * (musl) and for big-endian files: ELF header, program headers (PT_LOAD over the whole file, then
 * PT_INTERP, PT_DYNAMIC and PT_NOTE when there is something to put in them) and no section headers,
 * so the audit reads the dynamic section through PT_DYNAMIC as it does for sstripped files. The
 * layout follows {@code <elf.h>}; the file would not load, but every offset in it is valid.
 */
final class SyntheticElf {

  static final int EM_X86_64 = 62;
  static final int EM_S390 = 22;

  private static final int HEADER = 64;
  private static final int PHENT = 56;

  private final ByteOrder order;
  private int machine = EM_X86_64;
  private String interpreter;
  private final List<String> needed = new ArrayList<>();
  private final Map<String, String> versionNeeds = new LinkedHashMap<>();
  private final List<byte[]> notes = new ArrayList<>();

  private SyntheticElf(ByteOrder order) {
    this.order = order;
  }

  static SyntheticElf elf64(ByteOrder order) {
    return new SyntheticElf(order);
  }

  SyntheticElf machine(int code) {
    this.machine = code;
    return this;
  }

  SyntheticElf interpreter(String path) {
    this.interpreter = path;
    return this;
  }

  SyntheticElf needed(String... sonames) {
    needed.addAll(List.of(sonames));
    return this;
  }

  /** A version-needs entry: {@code version} (e.g. GLIBC_2.34) from {@code file}, one per file. */
  SyntheticElf versionNeed(String file, String version) {
    versionNeeds.put(file, version);
    return this;
  }

  /** What glibc's crt1.o contributes: owner "GNU", NT_GNU_ABI_TAG, OS 0 (Linux) ABI 3.2.0. */
  SyntheticElf gnuAbiTag() {
    return note("GNU", 1, words(0, 3, 2, 0));
  }

  /** One note: Elf64_Nhdr, then the owner name and the descriptor, each padded to 4 bytes. */
  SyntheticElf note(String owner, int type, byte[] descriptor) {
    byte[] name = (owner + '\0').getBytes(StandardCharsets.UTF_8);
    ByteBuffer note =
        ByteBuffer.allocate(12 + padded(name.length) + padded(descriptor.length)).order(order);
    note.putInt(name.length).putInt(descriptor.length).putInt(type);
    note.put(name).position(12 + padded(name.length));
    note.put(descriptor);
    notes.add(note.array());
    return this;
  }

  byte[] words(int... values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(order);
    for (int value : values) {
      buffer.putInt(value);
    }
    return buffer.array();
  }

  byte[] bytes() {
    boolean dynamic = !needed.isEmpty() || !versionNeeds.isEmpty();
    int phnum = 1 + (interpreter == null ? 0 : 1) + (dynamic ? 1 : 0) + (notes.isEmpty() ? 0 : 1);
    ByteBuffer file = ByteBuffer.allocate(16384).order(order);
    int at = HEADER + PHENT * phnum;

    int interpreterAt = at;
    if (interpreter != null) {
      file.put(at, (interpreter + '\0').getBytes(StandardCharsets.UTF_8));
      at += interpreter.length() + 1;
    }

    Map<String, Integer> strings = new LinkedHashMap<>();
    int strtabAt = at;
    file.put(at++, (byte) 0);
    for (String name : allStrings()) {
      strings.put(name, at - strtabAt);
      file.put(at, (name + '\0').getBytes(StandardCharsets.UTF_8));
      at += name.length() + 1;
    }
    int strtabSize = at - strtabAt;

    at = align(at, 4);
    int verneedAt = at;
    int remaining = versionNeeds.size();
    for (Map.Entry<String, String> need : versionNeeds.entrySet()) {
      remaining--;
      // Elf64_Verneed (version, cnt, file, aux, next) then its one Elf64_Vernaux.
      file.putShort(at, (short) 1)
          .putShort(at + 2, (short) 1)
          .putInt(at + 4, strings.get(need.getKey()))
          .putInt(at + 8, 16)
          .putInt(at + 12, remaining == 0 ? 0 : 32);
      file.putInt(at + 16 + 8, strings.get(need.getValue())).putInt(at + 16 + 12, 0);
      at += 32;
    }

    at = align(at, 8);
    int dynamicAt = at;
    if (dynamic) {
      for (String soname : needed) {
        at = dyn(file, at, 1, strings.get(soname)); // DT_NEEDED
      }
      at = dyn(file, at, 5, strtabAt); // DT_STRTAB, an address: PT_LOAD maps the file at 0
      at = dyn(file, at, 10, strtabSize); // DT_STRSZ
      if (!versionNeeds.isEmpty()) {
        at = dyn(file, at, 0x6ffffffeL, verneedAt); // DT_VERNEED
        at = dyn(file, at, 0x6fffffffL, versionNeeds.size()); // DT_VERNEEDNUM
      }
      at = dyn(file, at, 0, 0); // DT_NULL
    }

    at = align(at, 4);
    int notesAt = at;
    for (byte[] note : notes) {
      file.put(at, note);
      at += note.length;
    }
    int size = at;

    header(file, phnum);
    int ph = HEADER;
    ph = segment(file, ph, 1, 0, size, 0x1000); // PT_LOAD
    if (interpreter != null) {
      ph = segment(file, ph, 3, interpreterAt, interpreter.length() + 1, 1); // PT_INTERP
    }
    if (dynamic) {
      ph = segment(file, ph, 2, dynamicAt, notesAt - dynamicAt, 8); // PT_DYNAMIC
    }
    if (!notes.isEmpty()) {
      segment(file, ph, 4, notesAt, size - notesAt, 4); // PT_NOTE
    }
    byte[] bytes = new byte[size];
    file.get(0, bytes);
    return bytes;
  }

  private List<String> allStrings() {
    List<String> all = new ArrayList<>(needed);
    for (Map.Entry<String, String> need : versionNeeds.entrySet()) {
      all.add(need.getKey());
      all.add(need.getValue());
    }
    return all.stream().distinct().toList();
  }

  private void header(ByteBuffer file, int phnum) {
    file.put(
        0,
        new byte[] {0x7f, 'E', 'L', 'F', 2, (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1});
    file.putShort(16, (short) 2) // ET_EXEC
        .putShort(18, (short) machine)
        .putInt(20, 1) // EV_CURRENT
        .putLong(32, HEADER) // e_phoff; e_shoff stays 0
        .putShort(52, (short) HEADER)
        .putShort(54, (short) PHENT)
        .putShort(56, (short) phnum)
        .putShort(58, (short) 64);
  }

  /** An Elf64_Phdr whose virtual address equals its file offset. */
  private static int segment(
      ByteBuffer file, int at, int type, long offset, long size, long align) {
    file.putInt(at, type)
        .putInt(at + 4, 4) // PF_R
        .putLong(at + 8, offset)
        .putLong(at + 16, offset)
        .putLong(at + 24, offset)
        .putLong(at + 32, size)
        .putLong(at + 40, size)
        .putLong(at + 48, align);
    return at + PHENT;
  }

  private static int dyn(ByteBuffer file, int at, long tag, long value) {
    file.putLong(at, tag).putLong(at + 8, value);
    return at + 16;
  }

  private static int align(int at, int alignment) {
    return (at + alignment - 1) & -alignment;
  }

  private static int padded(int length) {
    return align(length, 4);
  }
}
