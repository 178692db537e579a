package dev.crossbuild.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks that a binary was linked against the C library of its target: a binary linked with glibc
 * does not start on a musl system (Alpine, scratch images of musl programs), nor a musl one on a
 * glibc system.
 */
public final class LibcRules {

  private static final String MUSL_FIX =
      "It was linked with a glibc toolchain: build with $CC (the recipe's musl-gcc) rather than"
          + " gcc/cc, or for cargo/go use the target's musl setup.";

  private static final String GLIBC_FIX =
      "It was linked with a musl toolchain: build with $CC, the recipe's compiler for the target.";

  private LibcRules() {}

  /**
   * The rules {@code b} breaks, one message each, e.g. {@code bin/app needs the glibc loader
   * /lib64/ld-linux-x86-64.so.2, which the musl target x86_64-unknown-linux-musl does not have. It
   * was linked with a glibc toolchain: ...}.
   *
   * @param b the binary
   * @param muslTarget whether the target's C library is musl (otherwise glibc)
   * @param triple the target triple, named in the messages
   * @return the problems, empty when the binary suits the target's C library
   */
  public static List<String> problems(BinaryInfo b, boolean muslTarget, String triple) {
    Objects.requireNonNull(triple, "triple");
    List<String> needs = muslTarget ? glibcNeeds(b) : muslNeeds(b);
    String target = (muslTarget ? "the musl target " : "the glibc target ") + triple;
    String fix = muslTarget ? MUSL_FIX : GLIBC_FIX;
    List<String> problems = new ArrayList<>();
    for (String need : needs) {
      problems.add(b.path() + " needs " + need + ", which " + target + " does not have. " + fix);
    }
    return List.copyOf(problems);
  }

  private static List<String> glibcNeeds(BinaryInfo b) {
    List<String> needs = new ArrayList<>();
    if (LibcEvidence.isGlibcLoader(b.interpreter())) {
      needs.add("the glibc loader " + b.interpreter());
    }
    if (b.glibc() != null) {
      needs.add("GLIBC_" + b.glibc());
    }
    if (b.needed().contains(LibcEvidence.GLIBC_LIBC)) {
      needs.add(LibcEvidence.GLIBC_LIBC);
    }
    // BinaryInfo keeps no flag for the ABI tag: glibc evidence that none of the above explains is
    // the tag (or, in glibc's own libraries, an unnumbered version such as GLIBC_PRIVATE).
    if (needs.isEmpty() && LibcEvidence.GLIBC.equals(b.libc())) {
      needs.add("glibc's start files (a .note.ABI-tag)");
    }
    return needs;
  }

  private static List<String> muslNeeds(BinaryInfo b) {
    List<String> needs = new ArrayList<>();
    if (LibcEvidence.isMuslLoader(b.interpreter())) {
      needs.add("the musl loader " + b.interpreter());
    }
    for (String library : b.needed()) {
      if (LibcEvidence.isMuslLibrary(library)) {
        needs.add("musl's C library " + library);
      }
    }
    return needs;
  }
}
