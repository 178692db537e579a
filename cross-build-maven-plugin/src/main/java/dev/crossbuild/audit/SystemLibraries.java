package dev.crossbuild.audit;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The shared libraries every Linux system of one C library has, judged as auditwheel's manylinux
 * and musllinux policies judge NEEDED entries: the C library itself and, for glibc, the GCC runtime
 * it is always installed with. Not what a build image happens to hold: every Debian image has
 * zlib1g, yet distroless, scratch and slim JRE images lack it, so libz.so.1 is not a system library
 * and an archive that needs it must ship it.
 */
public final class SystemLibraries {

  /**
   * glibc's libraries (libc, libm, and the libpthread, libdl, librt, libutil and libanl shells kept
   * since 2.34 for old binaries) plus libgcc_s and libstdc++, and the loaders.
   *
   * <p>Left out on purpose: libcrypt.so.1, which Fedora 30 moved out of glibc into libxcrypt-compat
   * (not installed by default) and auditwheel dropped from its policies for that reason (pypa
   * auditwheel#182); libatomic.so.1, which newer manylinux policies allow but distroless and slim
   * images lack as they lack libz.so.1. libnsl.so.1 stays, as in every manylinux policy: it cannot
   * be shipped with the program since it uses glibc's private symbols.
   */
  public static final SystemLibraries GLIBC =
      new SystemLibraries(
          Set.of(
              LibcEvidence.GLIBC_LIBC,
              "libm.so.6",
              "libpthread.so.0",
              "libdl.so.2",
              "librt.so.1",
              "libutil.so.1",
              "libresolv.so.2",
              "libnsl.so.1",
              "libanl.so.1",
              "libgcc_s.so.1",
              "libstdc++.so.6"),
          LibcEvidence::isGlibcLoader);

  /**
   * musl's single libc.so (which is also its loader, ld-musl-ARCH.so.1) under its Alpine names. No
   * libgcc_s or libstdc++: Alpine installs them only on demand, as musllinux policies assume.
   */
  public static final SystemLibraries MUSL =
      new SystemLibraries(
          Set.of(), name -> LibcEvidence.isMuslLibrary(name) || LibcEvidence.isMuslLoader(name));

  /** For a binary that shows no C library: a library either one provides. */
  private static final SystemLibraries EITHER =
      new SystemLibraries(Set.of(), name -> GLIBC.isSystem(name) || MUSL.isSystem(name));

  private final Set<String> names;
  private final Predicate<String> loaders;

  private SystemLibraries(Set<String> names, Predicate<String> loaders) {
    this.names = names;
    this.loaders = loaders;
  }

  /**
   * The libraries of the C library named as in {@link BinaryInfo#libc()}: "glibc", "musl", or
   * {@code null} for those of either.
   */
  public static SystemLibraries of(String libc) {
    if (libc == null) {
      return EITHER;
    }
    return switch (libc) {
      case LibcEvidence.GLIBC -> GLIBC;
      case LibcEvidence.MUSL -> MUSL;
      default ->
          throw new IllegalArgumentException(
              "Unknown C library '" + libc + "' (expected glibc, musl or null)");
    };
  }

  /** Whether a NEEDED entry, e.g. {@code libm.so.6}, is always present on such a system. */
  public boolean isSystem(String soname) {
    return names.contains(soname) || loaders.test(soname);
  }
}
