package dev.crossbuild.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.audit.NeededCheck.Unlisted;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** NeededCheck and SystemLibraries: which NEEDED entries an archive must ship or document. */
class BinaryAuditNeededTest {

  private static final String DPKG =
      "zlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1\n"
          + "libssl3:amd64: /usr/lib/x86_64-linux-gnu/libssl.so.3\n";

  @Test
  void libzIsNotASystemLibraryAndIsDescribedWithItsPackage() {
    BinaryInfo app = elf("bin/app", "glibc", "libz.so.1", "libm.so.6", "libc.so.6");

    List<Unlisted> unlisted = NeededCheck.unlisted(List.of(app), Set.of("app"));

    assertThat(unlisted).containsExactly(new Unlisted("bin/app", "libz.so.1"));
    assertThat(
            LibraryPackages.describe(
                unlisted.get(0).library(), LibraryPackages.parse(DPKG, "x86_64-linux-gnu")))
        .isEqualTo("libz.so.1 (Debian package zlib1g)");
  }

  @Test
  void libraryShippedAsAFileOrSymlinkOrAsAnotherBinaryIsNotReported() {
    BinaryInfo app = elf("bin/app", "glibc", "libfoo.so.1", "libbar.so.2", "libc.so.6");
    BinaryInfo bar = elf("lib/libbar.so.2", "glibc", "libc.so.6");

    // libfoo.so.1 is a symlink to lib/libfoo.so.1.0.3, which the audit does not read itself.
    assertThat(
            NeededCheck.unlisted(
                List.of(app, bar), Set.of("app", "libfoo.so.1", "libfoo.so.1.0.3")))
        .isEmpty();
  }

  @Test
  void glibcSystemLibrariesAndLoadersAreNotReported() {
    BinaryInfo app =
        elf(
            "bin/app",
            "glibc",
            "libc.so.6",
            "libm.so.6",
            "libpthread.so.0",
            "libdl.so.2",
            "librt.so.1",
            "libutil.so.1",
            "libresolv.so.2",
            "libnsl.so.1",
            "libanl.so.1",
            "libgcc_s.so.1",
            "libstdc++.so.6",
            "ld-linux-x86-64.so.2",
            "ld64.so.2");

    assertThat(NeededCheck.unlisted(List.of(app), Set.of())).isEmpty();
  }

  @Test
  void libcryptAndLibatomicMustBeShippedWithGlibc() {
    BinaryInfo app = elf("bin/app", "glibc", "libcrypt.so.1", "libatomic.so.1", "libc.so.6");

    assertThat(NeededCheck.unlisted(List.of(app), Set.of()))
        .extracting(Unlisted::library)
        .containsExactly("libatomic.so.1", "libcrypt.so.1");
  }

  @Test
  void muslSystemHasOnlyItsLibcButNotTheGccRuntime() {
    BinaryInfo app =
        elf(
            "bin/app",
            "musl",
            "libc.so",
            "libc.musl-x86_64.so.1",
            "ld-musl-x86_64.so.1",
            "libstdc++.so.6",
            "libgcc_s.so.1");

    assertThat(NeededCheck.unlisted(List.of(app), Set.of()))
        .containsExactly(
            new Unlisted("bin/app", "libgcc_s.so.1"), new Unlisted("bin/app", "libstdc++.so.6"));
    assertThat(SystemLibraries.MUSL.isSystem("libc.so.6")).isFalse();
    assertThat(SystemLibraries.GLIBC.isSystem("libc.so")).isFalse();
  }

  @Test
  void sortedByPathThenLibraryWithoutDuplicatesAndWithoutMachOOrPe() {
    BinaryInfo zeta = elf("zeta", "glibc", "libz.so.1", "libz.so.1", "libc.so.6");
    BinaryInfo alpha = elf("alpha", null, "libssl.so.3", "libcrypto.so.3");
    BinaryInfo exe =
        new BinaryInfo(
            "tool.exe",
            BinaryFormat.PE,
            "amd64",
            64,
            true,
            null,
            List.of("KERNEL32.dll"),
            null,
            null,
            null);

    assertThat(NeededCheck.unlisted(List.of(zeta, exe, alpha), Set.of()))
        .containsExactly(
            new Unlisted("alpha", "libcrypto.so.3"),
            new Unlisted("alpha", "libssl.so.3"),
            new Unlisted("zeta", "libz.so.1"));
  }

  private static BinaryInfo elf(String path, String libc, String... needed) {
    return new BinaryInfo(
        path, BinaryFormat.ELF, "amd64", 64, true, null, List.of(needed), null, null, libc);
  }
}
