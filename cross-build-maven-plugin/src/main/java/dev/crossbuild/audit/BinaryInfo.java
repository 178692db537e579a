package dev.crossbuild.audit;

import java.util.List;
import java.util.Objects;

/**
 * What the headers of one compiled binary say about where it can run.
 *
 * @param path the path the caller gave, for a directory audit relative to it with '/' separators
 * @param format the file format
 * @param machine the CPU normalised to container-platform arch names: amd64, arm64, arm, riscv64,
 *     ppc64le, ppc64, s390x, 386, or "unknown(&lt;number&gt;)" with the raw header value in
 *     decimal; "universal" for a Mach-O fat file holding more than one architecture
 * @param bits 32 or 64 (for a fat Mach-O file: those of its first architecture)
 * @param dynamic whether the binary is linked against shared libraries at load time
 * @param interpreter the dynamic loader it asks for (ELF PT_INTERP, Mach-O LC_LOAD_DYLINKER), or
 *     {@code null} when none (static programs and shared libraries)
 * @param needed the shared libraries it names, in header order (ELF DT_NEEDED, Mach-O dylibs, PE
 *     imported DLLs); never {@code null}
 * @param glibc the highest GLIBC_x.y[.z] symbol version it requires, e.g. "2.34", or {@code null}
 * @param glibcxx the highest GLIBCXX_x.y.z symbol version it requires, e.g. "3.4.21", or {@code
 *     null}
 * @param libc the C library an ELF binary was linked against, "glibc" or "musl", or {@code null}
 *     when it shows none (a static program without glibc's start files, such as a Go program; a
 *     shared library needing no libc; any Mach-O or PE file). glibc shows by its loader (ld-linux*,
 *     ld64.so.*), NEEDED libc.so.6, a GLIBC_ symbol version or the GNU ABI tag note that its start
 *     files put into every executable, static ones too; musl by its loader (ld-musl-*.so.1) or
 *     NEEDED libc.so / libc.musl-*.so.1. When both show, "glibc".
 */
public record BinaryInfo(
    String path,
    BinaryFormat format,
    String machine,
    int bits,
    boolean dynamic,
    String interpreter,
    List<String> needed,
    String glibc,
    String glibcxx,
    String libc) {

  /** Checks the mandatory fields and copies {@code needed} so that the record stays immutable. */
  public BinaryInfo {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(machine, "machine");
    needed = needed == null ? List.of() : List.copyOf(needed);
  }

  /** The same binary reported under another machine name (used for universal Mach-O files). */
  BinaryInfo withMachine(String newMachine) {
    return new BinaryInfo(
        path, format, newMachine, bits, dynamic, interpreter, needed, glibc, glibcxx, libc);
  }
}
