package dev.crossbuild.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit of the real ELF fixtures in src/test/resources/audit (rebuilt by make-fixtures.sh on
 * Debian bookworm). Every expected value below was read off {@code readelf -d}, {@code readelf -V}
 * and {@code objdump -T} of the fixture.
 */
class BinaryAuditTest {

  @TempDir Path temp;

  @Test
  void x86_64DynamicProgramNeedsGlibc234ThroughLibcStartMain() throws IOException {
    assertThat(audit("x86_64-dynamic"))
        .isEqualTo(
            new BinaryInfo(
                "x86_64-dynamic",
                BinaryFormat.ELF,
                "amd64",
                64,
                true,
                "/lib64/ld-linux-x86-64.so.2",
                List.of("libc.so.6"),
                "2.34",
                null,
                "glibc"));
  }

  @Test
  void staticProgramHasNoInterpreterAndIsNotDynamic() throws IOException {
    assertThat(audit("x86_64-static"))
        .isEqualTo(
            new BinaryInfo(
                "x86_64-static",
                BinaryFormat.ELF,
                "amd64",
                64,
                false,
                null,
                List.of(),
                null,
                null,
                null));
  }

  @Test
  void aarch64DynamicProgram() throws IOException {
    assertThat(audit("aarch64-dynamic"))
        .isEqualTo(
            new BinaryInfo(
                "aarch64-dynamic",
                BinaryFormat.ELF,
                "arm64",
                64,
                true,
                "/lib/ld-linux-aarch64.so.1",
                List.of("libc.so.6"),
                "2.34",
                null,
                "glibc"));
  }

  @Test
  void armhfDynamicProgramIs32Bit() throws IOException {
    assertThat(audit("armhf-dynamic"))
        .isEqualTo(
            new BinaryInfo(
                "armhf-dynamic",
                BinaryFormat.ELF,
                "arm",
                32,
                true,
                "/lib/ld-linux-armhf.so.3",
                List.of("libc.so.6"),
                "2.34",
                null,
                "glibc"));
  }

  @Test
  void sharedLibraryNeedsLibmAndLibcButHasNoInterpreter() throws IOException {
    // readelf -V lists GLIBC_2.2.5 twice (once for libm, once for libc): the oldest x86-64 version.
    assertThat(audit("libmathlib.so"))
        .isEqualTo(
            new BinaryInfo(
                "libmathlib.so",
                BinaryFormat.ELF,
                "amd64",
                64,
                true,
                null,
                List.of("libm.so.6", "libc.so.6"),
                "2.2.5",
                null,
                "glibc"));
  }

  @Test
  void cxxProgramNeedsGlibcxxAndIgnoresCxxabiAndGcc() throws IOException {
    // Version needs: GCC_3.0 (libgcc_s), CXXABI_1.3, GLIBCXX_3.4.21, GLIBCXX_3.4, GLIBC_2.34,
    // GLIBC_2.2.5.
    assertThat(audit("x86_64-cxx"))
        .isEqualTo(
            new BinaryInfo(
                "x86_64-cxx",
                BinaryFormat.ELF,
                "amd64",
                64,
                true,
                "/lib64/ld-linux-x86-64.so.2",
                List.of("libstdc++.so.6", "libgcc_s.so.1", "libc.so.6"),
                "2.34",
                "3.4.21",
                "glibc"));
  }

  @Test
  void withoutSectionHeadersTheDynamicSegmentGivesTheSameAnswer() throws IOException {
    for (String name : List.of("x86_64-dynamic", "armhf-dynamic", "libmathlib.so", "x86_64-cxx")) {
      Path stripped = temp.resolve(name);
      Files.write(
          stripped, SyntheticBinaries.withoutSectionHeaders(Files.readAllBytes(fixture(name))));

      assertThat(BinaryAudit.read(stripped, name)).as(name).contains(audit(name));
    }
  }

  @Test
  void truncatedElfFailsWithTheFileNamed() {
    assertThatThrownBy(() -> BinaryAudit.read(fixture("truncated.elf"), "lib/truncated.elf"))
        .isInstanceOf(BinaryFormatException.class)
        .hasMessageStartingWith(
            "Corrupt binary lib/truncated.elf: ELF header needs bytes 0 to 64 but the file"
                + " has 30 bytes. ")
        .satisfies(
            e -> assertThat(((BinaryFormatException) e).file()).isEqualTo("lib/truncated.elf"));
  }

  @Test
  void elfWhoseSectionTablePointsPastTheEndFails() throws IOException {
    byte[] bytes = Files.readAllBytes(fixture("x86_64-dynamic"));
    bytes[47] = 0x10; // top byte of e_shoff: now far beyond the file
    Path corrupt = Files.write(temp.resolve("corrupt"), bytes);

    assertThatThrownBy(() -> BinaryAudit.read(corrupt, "bin/corrupt"))
        .isInstanceOf(BinaryFormatException.class)
        .hasMessageContaining("bin/corrupt: ELF section header table needs bytes ");
  }

  @Test
  void javaClassFileScriptJarAndEmptyFileAreNotBinaries() throws IOException {
    Path classFile = temp.resolve("BinaryAuditTest.class");
    try (InputStream in = BinaryAuditTest.class.getResourceAsStream("BinaryAuditTest.class")) {
      Files.copy(in, classFile);
    }
    Path script = Files.writeString(temp.resolve("run.sh"), "#!/bin/sh\nexec ./app \"$@\"\n");
    Path jar = Files.write(temp.resolve("app.jar"), new byte[] {'P', 'K', 3, 4, 20, 0, 8, 0});
    Path dosText =
        Files.writeString(temp.resolve("MZ.txt"), "MZ is not always a Windows program\n");
    Path empty = Files.write(temp.resolve("empty"), new byte[0]);

    for (Path file : List.of(classFile, script, jar, dosText, empty)) {
      assertThat(BinaryAudit.read(file, file.getFileName().toString()))
          .as(file.toString())
          .isEmpty();
    }
  }

  @Test
  void readAllFindsBinariesInSubdirectoriesSortedAndSkipsSymlinksAndScripts() throws IOException {
    Path dist = Files.createDirectories(temp.resolve("dist"));
    Files.createDirectories(dist.resolve("lib/aarch64"));
    Files.createDirectories(dist.resolve("bin"));
    Files.copy(fixture("x86_64-dynamic"), dist.resolve("bin/app"));
    Files.copy(fixture("aarch64-dynamic"), dist.resolve("lib/aarch64/app"));
    Files.copy(fixture("libmathlib.so"), dist.resolve("lib/libmathlib.so"));
    Files.copy(fixture("x86_64-static"), dist.resolve("Static"));
    Files.writeString(dist.resolve("bin/app.sh"), "#!/bin/sh\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(dist.resolve("lib/libmathlib.so.1"), Path.of("libmathlib.so"));
    Path outside = Files.copy(fixture("x86_64-cxx"), temp.resolve("outside"));
    Files.createSymbolicLink(dist.resolve("bin/outside"), outside);

    List<BinaryInfo> binaries = BinaryAudit.readAll(dist);

    assertThat(binaries)
        .extracting(BinaryInfo::path)
        .containsExactly("Static", "bin/app", "lib/aarch64/app", "lib/libmathlib.so");
    assertThat(binaries)
        .extracting(BinaryInfo::machine)
        .containsExactly("amd64", "amd64", "arm64", "amd64");
  }

  @Test
  void readAllStopsAtACorruptBinaryAndNamesIt() throws IOException {
    Files.createDirectories(temp.resolve("lib"));
    Files.copy(fixture("x86_64-dynamic"), temp.resolve("app"));
    Files.copy(fixture("truncated.elf"), temp.resolve("lib/libbroken.so"));

    assertThatThrownBy(() -> BinaryAudit.readAll(temp))
        .isInstanceOf(BinaryFormatException.class)
        .hasMessageStartingWith("Corrupt binary lib/libbroken.so: ");
  }

  private static BinaryInfo audit(String name) throws IOException {
    return BinaryAudit.read(fixture(name), name).orElseThrow();
  }

  static Path fixture(String name) {
    try {
      return Path.of(BinaryAuditTest.class.getResource("/audit/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
