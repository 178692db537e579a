package dev.crossbuild.audit;

import static dev.crossbuild.audit.SyntheticBinaries.CPU_TYPE_ARM64;
import static dev.crossbuild.audit.SyntheticBinaries.CPU_TYPE_X86_64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mach-O, PE and big-endian ELF, which no compiler here produces: the files are minimal headers
 * built byte by byte by {@link SyntheticBinaries}.
 */
class BinaryAuditSyntheticTest {

  private static final String DYLD = "/usr/lib/dyld";
  private static final String LIB_SYSTEM = "/usr/lib/libSystem.B.dylib";

  @TempDir Path temp;

  @Test
  void thinMachOArm64ReportsDyldAndDylibs() throws IOException {
    byte[] machO =
        SyntheticBinaries.machO(
            ByteOrder.LITTLE_ENDIAN, true, CPU_TYPE_ARM64, DYLD, LIB_SYSTEM, "@rpath/libfoo.dylib");

    assertThat(audit(machO, "bin/tool"))
        .contains(
            new BinaryInfo(
                "bin/tool",
                BinaryFormat.MACH_O,
                "arm64",
                64,
                true,
                DYLD,
                List.of(LIB_SYSTEM, "@rpath/libfoo.dylib"),
                null,
                null,
                null));
  }

  @Test
  void thinMachOIsReadInEitherByteOrder() throws IOException {
    byte[] bigEndian =
        SyntheticBinaries.machO(ByteOrder.BIG_ENDIAN, true, CPU_TYPE_X86_64, DYLD, LIB_SYSTEM);
    byte[] thirtyTwo = SyntheticBinaries.machO(ByteOrder.LITTLE_ENDIAN, false, 7, null);

    assertThat(audit(bigEndian, "a"))
        .get()
        .extracting(BinaryInfo::machine, BinaryInfo::bits, BinaryInfo::needed)
        .containsExactly("amd64", 64, List.of(LIB_SYSTEM));
    assertThat(audit(thirtyTwo, "b"))
        .contains(
            new BinaryInfo(
                "b", BinaryFormat.MACH_O, "386", 32, false, null, List.of(), null, null, null));
  }

  @Test
  void fatMachOWithTwoArchitecturesIsUniversalAndDescribesItsFirstSlice() throws IOException {
    byte[] x86 =
        SyntheticBinaries.machO(ByteOrder.LITTLE_ENDIAN, true, CPU_TYPE_X86_64, DYLD, LIB_SYSTEM);
    byte[] arm =
        SyntheticBinaries.machO(ByteOrder.LITTLE_ENDIAN, true, CPU_TYPE_ARM64, DYLD, LIB_SYSTEM);
    byte[] universal =
        SyntheticBinaries.fat(new int[] {CPU_TYPE_X86_64, CPU_TYPE_ARM64}, new byte[][] {x86, arm});

    assertThat(audit(universal, "app"))
        .contains(
            new BinaryInfo(
                "app",
                BinaryFormat.MACH_O,
                "universal",
                64,
                true,
                DYLD,
                List.of(LIB_SYSTEM),
                null,
                null,
                null));
  }

  @Test
  void fatMachOWithOneArchitectureReportsThatArchitecture() throws IOException {
    byte[] arm =
        SyntheticBinaries.machO(ByteOrder.LITTLE_ENDIAN, true, CPU_TYPE_ARM64, DYLD, LIB_SYSTEM);
    byte[] fat = SyntheticBinaries.fat(new int[] {CPU_TYPE_ARM64}, new byte[][] {arm});

    assertThat(audit(fat, "app")).get().extracting(BinaryInfo::machine).isEqualTo("arm64");
  }

  @Test
  void fatSlicePastTheEndOfTheFileFailsWithTheFileNamed() {
    byte[] arm =
        SyntheticBinaries.machO(ByteOrder.LITTLE_ENDIAN, true, CPU_TYPE_ARM64, DYLD, LIB_SYSTEM);
    byte[] fat = SyntheticBinaries.fat(new int[] {CPU_TYPE_ARM64}, new byte[][] {arm});

    assertThatThrownBy(() -> audit(Arrays.copyOf(fat, 4100), "lib/libfat.dylib"))
        .isInstanceOf(BinaryFormatException.class)
        .hasMessageStartingWith(
            "Corrupt binary lib/libfat.dylib: Mach-O header needs bytes 4096 to 4128");
  }

  @Test
  void cafebabeWithAClassVersionIsAJavaClassNotAFatBinary() throws IOException {
    // A class file: magic, minor 0, major 61 (Java 17), then the constant pool count.
    byte[] classFile = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61, 0, 16};

    assertThat(audit(classFile, "Main.class")).isEmpty();
  }

  @Test
  void pe32PlusAmd64ListsItsImportedDlls() throws IOException {
    byte[] pe = SyntheticBinaries.pe(0x8664, true, "KERNEL32.dll", "VCRUNTIME140.dll");

    assertThat(audit(pe, "bin/tool.exe"))
        .contains(
            new BinaryInfo(
                "bin/tool.exe",
                BinaryFormat.PE,
                "amd64",
                64,
                true,
                null,
                List.of("KERNEL32.dll", "VCRUNTIME140.dll"),
                null,
                null,
                null));
  }

  @Test
  void peMachinesAndBits() throws IOException {
    assertThat(audit(SyntheticBinaries.pe(0xaa64, true, "KERNEL32.dll"), "arm64.exe"))
        .get()
        .extracting(BinaryInfo::machine, BinaryInfo::bits)
        .containsExactly("arm64", 64);
    assertThat(audit(SyntheticBinaries.pe(0x14c, false, "KERNEL32.dll"), "x86.exe"))
        .get()
        .extracting(BinaryInfo::machine, BinaryInfo::bits)
        .containsExactly("386", 32);
    assertThat(audit(SyntheticBinaries.pe(0x1234, true), "odd.exe"))
        .contains(
            new BinaryInfo(
                "odd.exe",
                BinaryFormat.PE,
                "unknown(4660)",
                64,
                false,
                null,
                List.of(),
                null,
                null,
                null));
  }

  @Test
  void importDirectoryWhoseBytesAreNotInTheFileIsDynamicWithoutNames() throws IOException {
    byte[] pe = SyntheticBinaries.pe(0x8664, true, "KERNEL32.dll");
    int section = 0x58 + 240;
    ByteBuffer.wrap(pe)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(section + 16, 0); // SizeOfRawData, as in .debug

    assertThat(audit(pe, "tool.exe.debug"))
        .get()
        .extracting(BinaryInfo::dynamic, BinaryInfo::needed)
        .containsExactly(true, List.of());
  }

  @Test
  void mzWithoutPeSignatureIsADosProgramNotABinary() throws IOException {
    byte[] dos = Arrays.copyOf(SyntheticBinaries.pe(0x8664, true), 0x40 + 8);
    dos[0x40] = 'N';

    assertThat(audit(dos, "old.com")).isEmpty();
  }

  @Test
  void peWithTruncatedOptionalHeaderFailsWithTheFileNamed() {
    byte[] pe = Arrays.copyOf(SyntheticBinaries.pe(0x8664, true, "KERNEL32.dll"), 0x80);

    assertThatThrownBy(() -> audit(pe, "bin/tool.exe"))
        .isInstanceOf(BinaryFormatException.class)
        .hasMessageStartingWith(
            "Corrupt binary bin/tool.exe: PE optional header needs bytes 88 to 328");
  }

  @Test
  void bigEndianElfTellsPpc64FromPpc64le() throws IOException {
    assertThat(
            audit(SyntheticBinaries.elf(true, ByteOrder.BIG_ENDIAN, 21, "/lib64/ld64.so.1"), "be"))
        .contains(
            new BinaryInfo(
                "be",
                BinaryFormat.ELF,
                "ppc64",
                64,
                false,
                "/lib64/ld64.so.1",
                List.of(),
                null,
                null,
                "glibc"));
    assertThat(audit(SyntheticBinaries.elf(true, ByteOrder.LITTLE_ENDIAN, 21, null), "le"))
        .get()
        .extracting(BinaryInfo::machine)
        .isEqualTo("ppc64le");
  }

  @Test
  void otherElfMachines() throws IOException {
    assertThat(machineOf(SyntheticBinaries.elf(true, ByteOrder.BIG_ENDIAN, 22, "/lib/ld64.so.1")))
        .isEqualTo("s390x");
    assertThat(machineOf(SyntheticBinaries.elf(true, ByteOrder.LITTLE_ENDIAN, 243, null)))
        .isEqualTo("riscv64");
    assertThat(
            machineOf(
                SyntheticBinaries.elf(false, ByteOrder.LITTLE_ENDIAN, 3, "/lib/ld-linux.so.2")))
        .isEqualTo("386");
    assertThat(machineOf(SyntheticBinaries.elf(false, ByteOrder.BIG_ENDIAN, 8, null)))
        .isEqualTo("unknown(8)");
  }

  @Test
  void separateDebugFileKeepsPtInterpButNotItsBytes() throws IOException {
    byte[] elf =
        SyntheticBinaries.elf(true, ByteOrder.LITTLE_ENDIAN, 62, "/lib64/ld-linux-x86-64.so.2");
    ByteBuffer.wrap(elf)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putLong(64 + 32, 0); // p_filesz, as objcopy leaves it

    assertThat(audit(elf, "app.debug")).get().extracting(BinaryInfo::interpreter).isNull();
  }

  @Test
  void elfWithAnUnknownClassFailsWithTheFileNamed() {
    byte[] elf = SyntheticBinaries.elf(true, ByteOrder.LITTLE_ENDIAN, 62, null);
    elf[4] = 7;

    assertThatThrownBy(() -> audit(elf, "bin/odd"))
        .isInstanceOf(BinaryFormatException.class)
        .hasMessageStartingWith("Corrupt binary bin/odd: unknown ELF class 7");
  }

  private String machineOf(byte[] bytes) throws IOException {
    return audit(bytes, "x").orElseThrow().machine();
  }

  private Optional<BinaryInfo> audit(byte[] bytes, String relativePath) throws IOException {
    Path file = Files.write(temp.resolve("file-" + Math.abs(relativePath.hashCode())), bytes);
    return BinaryAudit.read(file, relativePath);
  }
}
