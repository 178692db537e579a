package dev.crossbuild.stage;

import dev.crossbuild.audit.BinaryAudit;
import dev.crossbuild.audit.BinaryFormat;
import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.audit.GlibcVersions;
import dev.crossbuild.audit.LibcRules;
import dev.crossbuild.target.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Audits every binary a target produced before it is packed: each must be built for the target's
 * machine (an x86-64 file in the aarch64 archive is a wrong compiler, not a release) and against
 * its C library (nothing of glibc in a musl archive, see {@link LibcRules}), and none may need a
 * newer glibc than the target's ceiling ({@code <glibc>}, {@code <glibcMax>}).
 */
final class OutputAudit {

  /** The FAQ page on the glibc floor, named in the failure message. */
  static final String GLIBC_FAQ = "the FAQ, \"My library needs a newer glibc than my users have\"";

  private OutputAudit() {}

  /**
   * @return the audit of every binary under {@code outDir}
   * @throws OutputCheckException listing every file that breaks a rule
   */
  static List<BinaryInfo> check(Target target, Path outDir, String glibcMax) throws IOException {
    return check(target, outDir, glibcMax, null);
  }

  /**
   * @param glibcMax the highest glibc an output may need, or null
   * @param floor the target's {@code <glibc>}, or null: named in the message when it set the
   *     ceiling
   */
  static List<BinaryInfo> check(Target target, Path outDir, String glibcMax, String floor)
      throws IOException {
    List<BinaryInfo> binaries = BinaryAudit.readAll(outDir);
    List<String> problems = new ArrayList<>();
    String arch = target.platform().arch();
    for (BinaryInfo b : binaries) {
      boolean universal =
          b.machine().equals("universal") && target.platform().os().equals("darwin");
      if (!b.machine().equals(arch) && !universal) {
        problems.add(
            "output '"
                + b.path()
                + "' is "
                + b.format()
                + " for "
                + b.machine()
                + ", but target "
                + target
                + " runs "
                + arch
                + ". The build used the wrong compiler: for a cross build use the"
                + " target's toolchain ($CC, $CROSS_PREFIX-gcc, cargo --target), or remove the file from <artifacts>.");
      }
      if (target.container() && b.format() == BinaryFormat.ELF) {
        problems.addAll(LibcRules.problems(b, target.musl(), target.triple().value()));
      }
      boolean aboveCeiling =
          glibcMax != null && b.glibc() != null && GlibcVersions.compare(b.glibc(), glibcMax) > 0;
      if (aboveCeiling && glibcMax.equals(floor)) {
        problems.add(
            "output '"
                + b.path()
                + "' requires GLIBC_"
                + b.glibc()
                + ", above <glibc>"
                + floor
                + "</glibc> (-Dcross.glibc): it was linked against a newer glibc than the base"
                + " image the floor picks. When the target has its own <image>, use one with glibc "
                + floor
                + " or older; see "
                + GLIBC_FAQ
                + ".");
      } else if (aboveCeiling) {
        problems.add(
            "output '"
                + b.path()
                + "' requires GLIBC_"
                + b.glibc()
                + ", above <glibcMax>"
                + glibcMax
                + "</glibcMax> (-Dcross.glibcMax). Build it on an older base image through <image> (e.g. a"
                + " distribution with glibc "
                + glibcMax
                + "), or raise <glibcMax>; see "
                + GLIBC_FAQ
                + ".");
      }
    }
    if (!problems.isEmpty()) {
      throw new OutputCheckException(String.join("\n", problems));
    }
    return binaries;
  }

  /** An output breaks a rule of the audit. */
  static final class OutputCheckException extends RuntimeException {
    OutputCheckException(String message) {
      super(message);
    }
  }
}
