package dev.crossbuild.audit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names by which a binary shows which C library it was linked against, written once for the
 * reader ({@link ElfReader}), the rules ({@link LibcRules}) and the system library lists ({@link
 * SystemLibraries}).
 */
final class LibcEvidence {

  static final String GLIBC = "glibc";
  static final String MUSL = "musl";

  /** glibc's soname for the C library; musl's is plain {@code libc.so}. */
  static final String GLIBC_LIBC = "libc.so.6";

  static final String MUSL_LIBC = "libc.so";

  /** Alpine's name for musl's libc.so, e.g. libc.musl-x86_64.so.1. */
  private static final Pattern MUSL_LIBRARY = Pattern.compile("libc\\.musl-[^/]+\\.so\\.1");

  private static final Pattern MUSL_LOADER = Pattern.compile("ld-musl-[^/]+\\.so\\.1");

  private LibcEvidence() {}

  /**
   * Whether {@code path} (a PT_INTERP path or a bare soname) is glibc's loader:
   * ld-linux-x86-64.so.2, ld-linux-aarch64.so.1, ld-linux-armhf.so.3, ld-linux.so.2,
   * ld-linux-riscv64-lp64d.so.1, and ld64.so.1 / ld64.so.2 on s390x and ppc64(le).
   */
  static boolean isGlibcLoader(String path) {
    String name = basename(path);
    return name != null && (name.startsWith("ld-linux") || name.startsWith("ld64.so"));
  }

  /**
   * Whether {@code path} (a PT_INTERP path or a bare soname) is musl's loader, ld-musl-ARCH.so.1.
   */
  static boolean isMuslLoader(String path) {
    String name = basename(path);
    return name != null && MUSL_LOADER.matcher(name).matches();
  }

  /** Whether a NEEDED entry names musl's C library: libc.so or Alpine's libc.musl-ARCH.so.1. */
  static boolean isMuslLibrary(String soname) {
    return MUSL_LIBC.equals(soname) || MUSL_LIBRARY.matcher(soname).matches();
  }

  /** Whether a symbol version (from the version-needs table) is one of glibc's, e.g. GLIBC_2.34. */
  static boolean isGlibcVersion(String version) {
    return version.startsWith("GLIBC_"); // GLIBCXX_ is libstdc++'s, which musl systems have too
  }

  /**
   * "glibc", "musl" or {@code null} when the binary shows neither. glibc wins when both show, so
   * that the audit of a musl target flags the binary.
   *
   * @param interpreter the PT_INTERP path, or {@code null}
   * @param needed the DT_NEEDED entries
   * @param versions the names in the version-needs table
   * @param abiTag whether an NT_GNU_ABI_TAG note is present: glibc's crt1.o puts it into every
   *     executable it starts, static ones too, and musl's never does
   */
  static String libc(
      String interpreter, List<String> needed, List<String> versions, boolean abiTag) {
    boolean glibc =
        abiTag
            || isGlibcLoader(interpreter)
            || needed.contains(GLIBC_LIBC)
            || versions.stream().anyMatch(LibcEvidence::isGlibcVersion);
    if (glibc) {
      return GLIBC;
    }
    boolean musl =
        isMuslLoader(interpreter) || needed.stream().anyMatch(LibcEvidence::isMuslLibrary);
    return musl ? MUSL : null;
  }

  /** The part after the last '/', the whole string when there is none; {@code null} for null. */
  static String basename(String path) {
    return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
  }
}
