package dev.crossbuild.audit;

import java.util.ArrayList;
import java.util.List;

/** One-line descriptions of audited binaries, for logs and reports. */
public final class BinaryDescriptions {

  private BinaryDescriptions() {}

  /**
   * E.g. {@code hello: ELF arm64 64-bit, dynamic (/lib/ld-linux-aarch64.so.1), NEEDED libz.so.1
   * libc.so.6, glibc>=2.34}, or for musl {@code hello: ELF amd64 64-bit, dynamic
   * (/lib/ld-musl-x86_64.so.1), musl, NEEDED libc.so}.
   */
  public static String line(BinaryInfo b) {
    List<String> parts = new ArrayList<>();
    parts.add(b.format() + " " + b.machine() + " " + b.bits() + "-bit");
    parts.add(
        b.dynamic()
            ? "dynamic" + (b.interpreter() == null ? "" : " (" + b.interpreter() + ")")
            : "static");
    if (LibcEvidence.MUSL.equals(b.libc())) {
      parts.add(LibcEvidence.MUSL); // glibc is implied by the glibc>= part, which musl never has
    }
    if (!b.needed().isEmpty()) {
      parts.add("NEEDED " + String.join(" ", b.needed()));
    }
    if (b.glibc() != null) {
      parts.add("glibc>=" + b.glibc());
    }
    if (b.glibcxx() != null) {
      parts.add("glibcxx>=" + b.glibcxx());
    }
    return b.path() + ": " + String.join(", ", parts);
  }
}
