package dev.crossbuild.audit;

import static dev.crossbuild.audit.SyntheticElf.elf64;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which C library a binary was linked against, and the rules that keep glibc binaries out of musl
 * archives and musl binaries out of glibc ones. No musl toolchain here: the musl binaries are
 * {@link SyntheticElf} files; glibc ones are the fixtures and, for the static case, the host gcc.
 */
class BinaryAuditLibcTest {

  private static final String MUSL_TRIPLE = "x86_64-unknown-linux-musl";
  private static final String GNU_TRIPLE = "x86_64-unknown-linux-gnu";
  private static final String MUSL_FIX =
      "It was linked with a glibc toolchain: build with $CC (the recipe's musl-gcc) rather than"
          + " gcc/cc, or for cargo/go use the target's musl setup.";

  @TempDir Path temp;

  @Test
  void muslLoaderMakesAMuslBinaryThatSuitsOnlyAMuslTarget() throws IOException {
    BinaryInfo b =
        audit(
            elf64(ByteOrder.LITTLE_ENDIAN)
                .interpreter("/lib/ld-musl-x86_64.so.1")
                .needed("libc.so")
                .bytes(),
            "bin/app");

    assertThat(b.libc()).isEqualTo("musl");
    assertThat(LibcRules.problems(b, true, MUSL_TRIPLE)).isEmpty();
    assertThat(LibcRules.problems(b, false, GNU_TRIPLE))
        .containsExactly(
            "bin/app needs the musl loader /lib/ld-musl-x86_64.so.1, which the glibc target "
                + GNU_TRIPLE
                + " does not have. It was linked with a musl toolchain: build with $CC, the"
                + " recipe's compiler for the target.",
            "bin/app needs musl's C library libc.so, which the glibc target "
                + GNU_TRIPLE
                + " does not have. It was linked with a musl toolchain: build with $CC, the"
                + " recipe's compiler for the target.");
  }

  @Test
  void alpineLibcNameMakesAMuslLibrary() throws IOException {
    BinaryInfo b =
        audit(elf64(ByteOrder.LITTLE_ENDIAN).needed("libc.musl-x86_64.so.1").bytes(), "lib/a.so");

    assertThat(b.libc()).isEqualTo("musl");
    assertThat(LibcRules.problems(b, false, GNU_TRIPLE))
        .singleElement()
        .asString()
        .startsWith("lib/a.so needs musl's C library libc.musl-x86_64.so.1, ");
  }

  @Test
  void glibcLoaderIsAProblemForAMuslTarget() throws IOException {
    BinaryInfo b =
        audit(
            elf64(ByteOrder.LITTLE_ENDIAN).interpreter("/lib64/ld-linux-x86-64.so.2").bytes(),
            "bin/app");

    assertThat(b.libc()).isEqualTo("glibc");
    assertThat(LibcRules.problems(b, true, MUSL_TRIPLE))
        .containsExactly(
            "bin/app needs the glibc loader /lib64/ld-linux-x86-64.so.2, which the musl target "
                + MUSL_TRIPLE
                + " does not have. "
                + MUSL_FIX);
    assertThat(LibcRules.problems(b, false, GNU_TRIPLE)).isEmpty();
  }

  @Test
  void libcSo6IsAProblemForAMuslTarget() throws IOException {
    BinaryInfo b = audit(elf64(ByteOrder.LITTLE_ENDIAN).needed("libc.so.6").bytes(), "lib/x.so");

    assertThat(b.libc()).isEqualTo("glibc");
    assertThat(LibcRules.problems(b, true, MUSL_TRIPLE))
        .containsExactly(
            "lib/x.so needs libc.so.6, which the musl target "
                + MUSL_TRIPLE
                + " does not have. "
                + MUSL_FIX);
  }

  @Test
  void glibcVersionNeedIsAProblemForAMuslTarget() throws IOException {
    // libm's symbols carry GLIBC_ versions too: no libc.so.6 and no loader needed to show glibc.
    BinaryInfo b =
        audit(
            elf64(ByteOrder.LITTLE_ENDIAN)
                .needed("libm.so.6")
                .versionNeed("libm.so.6", "GLIBC_2.29")
                .bytes(),
            "lib/m.so");

    assertThat(b.glibc()).isEqualTo("2.29");
    assertThat(b.libc()).isEqualTo("glibc");
    assertThat(LibcRules.problems(b, true, MUSL_TRIPLE))
        .containsExactly(
            "lib/m.so needs GLIBC_2.29, which the musl target "
                + MUSL_TRIPLE
                + " does not have. "
                + MUSL_FIX);
  }

  @Test
  void dynamicGlibcProgramBreaksEachMuslRuleOnce() throws IOException {
    BinaryInfo b =
        audit(
            elf64(ByteOrder.LITTLE_ENDIAN)
                .interpreter("/lib64/ld-linux-x86-64.so.2")
                .needed("libc.so.6")
                .versionNeed("libc.so.6", "GLIBC_2.34")
                .gnuAbiTag()
                .bytes(),
            "bin/app");

    assertThat(LibcRules.problems(b, true, MUSL_TRIPLE))
        .hasSize(3)
        .allSatisfy(p -> assertThat(p).startsWith("bin/app needs ").endsWith(MUSL_FIX))
        .anySatisfy(p -> assertThat(p).contains("the glibc loader /lib64/ld-linux-x86-64.so.2"))
        .anySatisfy(p -> assertThat(p).contains("needs GLIBC_2.34,"))
        .anySatisfy(p -> assertThat(p).contains("needs libc.so.6,"));
  }

  @Test
  void abiTagAloneMakesAStaticGlibcProgramInEitherByteOrder() throws IOException {
    BinaryInfo little = audit(elf64(ByteOrder.LITTLE_ENDIAN).gnuAbiTag().bytes(), "bin/static");
    BinaryInfo big =
        audit(
            elf64(ByteOrder.BIG_ENDIAN).machine(SyntheticElf.EM_S390).gnuAbiTag().bytes(),
            "bin/s390x");

    assertThat(little.dynamic()).isFalse();
    assertThat(little.libc()).isEqualTo("glibc");
    assertThat(big.machine()).isEqualTo("s390x");
    assertThat(big.libc()).isEqualTo("glibc");
    assertThat(LibcRules.problems(little, true, MUSL_TRIPLE))
        .containsExactly(
            "bin/static needs glibc's start files (a .note.ABI-tag), which the musl target "
                + MUSL_TRIPLE
                + " does not have. "
                + MUSL_FIX);
  }

  @Test
  void abiTagAfterANoteWithPaddedNameAndDescriptorIsFound() throws IOException {
    SyntheticElf elf = elf64(ByteOrder.BIG_ENDIAN);
    // "Linux\0" (6 bytes) and a 5-byte descriptor are each padded to 8 before the next note.
    byte[] bytes = elf.note("Linux", 0x200, new byte[] {1, 2, 3, 4, 5}).gnuAbiTag().bytes();

    assertThat(audit(bytes, "bin/app").libc()).isEqualTo("glibc");
  }

  @Test
  void staticProgramWithOnlyBuildIdAndGoNotesShowsNoLibcAndBreaksNoRule() throws IOException {
    // binutils adds a GNU build-id (type 3) to musl programs too; Go adds its own "Go" notes.
    SyntheticElf elf = elf64(ByteOrder.LITTLE_ENDIAN);
    BinaryInfo b =
        audit(elf.note("GNU", 3, new byte[20]).note("Go", 4, elf.words(1, 2, 3)).bytes(), "bin/go");

    assertThat(b.libc()).isNull();
    assertThat(LibcRules.problems(b, true, MUSL_TRIPLE)).isEmpty();
    assertThat(LibcRules.problems(b, false, GNU_TRIPLE)).isEmpty();
  }

  @Test
  void glibcAndMuslEvidenceTogetherIsGlibc() throws IOException {
    BinaryInfo b =
        audit(
            elf64(ByteOrder.LITTLE_ENDIAN)
                .interpreter("/lib/ld-musl-x86_64.so.1")
                .needed("libc.so.6")
                .bytes(),
            "bin/mixed");

    assertThat(b.libc()).isEqualTo("glibc");
    assertThat(LibcRules.problems(b, true, MUSL_TRIPLE))
        .singleElement()
        .asString()
        .contains("libc.so.6");
  }

  @Test
  void glibcFixturesShowGlibcAndTheLibclessStaticOneShowsNone() throws IOException {
    for (String name :
        List.of("x86_64-dynamic", "aarch64-dynamic", "armhf-dynamic", "x86_64-cxx")) {
      assertThat(BinaryAudit.read(BinaryAuditTest.fixture(name), name).orElseThrow().libc())
          .as(name)
          .isEqualTo("glibc");
    }
    BinaryInfo libcless =
        BinaryAudit.read(BinaryAuditTest.fixture("x86_64-static"), "s").orElseThrow();
    assertThat(libcless.libc()).isNull();
  }

  @Test
  void staticGlibcProgramFromTheHostCompilerCarriesTheAbiTag() throws Exception {
    assertThat(Path.of("/usr/bin/gcc"))
        .as("gcc, which it/engine/setup.sh installs, builds the static program")
        .isExecutable();
    assertThat(Path.of("/usr/lib/x86_64-linux-gnu/libc.a"))
        .as("libc.a (Debian package libc6-dev, which it/engine/setup.sh installs)")
        .exists();
    Path source =
        Files.writeString(
            temp.resolve("hello.c"),
            "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n",
            StandardCharsets.UTF_8);
    Path program = temp.resolve("hello");
    Process gcc =
        new ProcessBuilder("/usr/bin/gcc", "-static", "-o", program.toString(), source.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gcc.waitFor(120, TimeUnit.SECONDS)).as("gcc finished").isTrue();
    assertThat(gcc.exitValue()).as("gcc -static: %s", output).isZero();

    BinaryInfo b = BinaryAudit.read(program, "bin/hello").orElseThrow();

    assertThat(b.dynamic()).isFalse();
    assertThat(b.interpreter()).isNull();
    assertThat(b.needed()).isEmpty();
    assertThat(b.libc()).isEqualTo("glibc");
    assertThat(LibcRules.problems(b, true, MUSL_TRIPLE))
        .singleElement()
        .asString()
        .startsWith("bin/hello needs glibc's start files (a .note.ABI-tag), ");
  }

  @Test
  void descriptionSaysMuslAndStaysAsBeforeForGlibc() throws IOException {
    BinaryInfo musl =
        audit(
            elf64(ByteOrder.LITTLE_ENDIAN)
                .interpreter("/lib/ld-musl-x86_64.so.1")
                .needed("libc.so")
                .bytes(),
            "hello");
    BinaryInfo glibc =
        BinaryAudit.read(BinaryAuditTest.fixture("x86_64-dynamic"), "hello").orElseThrow();

    assertThat(BinaryDescriptions.line(musl))
        .isEqualTo(
            "hello: ELF amd64 64-bit, dynamic (/lib/ld-musl-x86_64.so.1), musl, NEEDED libc.so");
    assertThat(BinaryDescriptions.line(glibc))
        .isEqualTo(
            "hello: ELF amd64 64-bit, dynamic (/lib64/ld-linux-x86-64.so.2), NEEDED libc.so.6,"
                + " glibc>=2.34");
  }

  private BinaryInfo audit(byte[] bytes, String relativePath) throws IOException {
    Path file = Files.write(temp.resolve("elf-" + Math.abs(relativePath.hashCode())), bytes);
    return BinaryAudit.read(file, relativePath).orElseThrow();
  }
}
