package dev.crossbuild.audit;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the shared libraries an archive's ELF binaries need that a bare system of their C library
 * does not have ({@link SystemLibraries}) and the archive does not ship either: on a user's machine
 * or in a slim image, the loader will not find them.
 */
public final class NeededCheck {

  /**
   * One NEEDED entry nobody provides.
   *
   * @param path the binary, as in {@link BinaryInfo#path()}
   * @param library the NEEDED entry, e.g. libz.so.1
   */
  public record Unlisted(String path, String library) {

    /** Checks that both are given. */
    public Unlisted {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(library, "library");
    }
  }

  private static final Comparator<Unlisted> ORDER =
      Comparator.comparing(Unlisted::path).thenComparing(Unlisted::library);

  private NeededCheck() {}

  /**
   * The NEEDED entries of {@code binaries} that are neither system libraries of the binary's own C
   * library (of either C library when it shows none: {@link LibcRules} reports a mismatch with the
   * target) nor shipped. Mach-O and PE binaries are skipped: the system lists are Linux's.
   *
   * @param binaries the audited binaries of one archive
   * @param shippedNames the file names (no directories) of every file in the archive, regular files
   *     and symbolic links alike; the file names of {@code binaries} count as shipped too
   * @return one entry per binary and library, sorted by path and then library
   */
  public static List<Unlisted> unlisted(List<BinaryInfo> binaries, Set<String> shippedNames) {
    Set<String> shipped = new HashSet<>(shippedNames);
    for (BinaryInfo b : binaries) {
      shipped.add(LibcEvidence.basename(b.path()));
    }
    Set<Unlisted> unlisted = new TreeSet<>(ORDER);
    for (BinaryInfo b : binaries) {
      if (b.format() != BinaryFormat.ELF) {
        continue;
      }
      SystemLibraries system = SystemLibraries.of(b.libc());
      for (String library : b.needed()) {
        if (!system.isSystem(library) && !shipped.contains(library)) {
          unlisted.add(new Unlisted(b.path(), library));
        }
      }
    }
    return List.copyOf(unlisted);
  }
}
