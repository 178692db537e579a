package dev.crossbuild.stage;

import static dev.crossbuild.stage.ArchivesTest.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives as users meet them: every common extractor unpacks them without a word on stderr and
 * gives back the same files, links, modes and times. A missing extractor fails the test with the
 * package to install.
 */
class ArchivesUnpackTest {

  private static final String PYTHON_EXTRACT =
      """
      import sys, tarfile, warnings
      warnings.simplefilter("error")
      options = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
      with tarfile.open(sys.argv[1]) as archive:
          archive.extractall(sys.argv[2], **options)
      """;

  @TempDir Path work;
  private Path outputs;

  private Path packed(String extension) throws Exception {
    outputs = ArchivesTest.outputs(work);
    Path archive = work.resolve("tool-1.0-linux-x86_64." + extension);
    Archives.pack(outputs, archive, EPOCH);
    return archive;
  }

  @Test
  void gnuTarListsAndExtractsTheTarGz() throws Exception {
    Path archive = packed("tar.gz");

    String listing = run("tar", "tar", "-tvzf", archive.toString());
    Path into = Files.createDirectories(work.resolve("gnu-tar"));
    run("tar", "tar", "-xzf", archive.toString(), "-C", into.toString());

    assertThat(listing.lines())
        .as("owner 0/0, dated the epoch")
        .hasSize(6)
        .allMatch(line -> line.contains(" 0/0 ") && line.contains(" 2023-11-14 22:13 "))
        .anyMatch(
            line -> line.startsWith("lrwxrwxrwx") && line.endsWith("lib/libfoo.so -> libfoo.so.1"));
    assertUnpacked(into);
  }

  @Test
  void bsdtarExtractsTheTarGz() throws Exception {
    Path archive = packed("tar.gz");

    Path into = Files.createDirectories(work.resolve("bsdtar"));
    run("libarchive-tools", "bsdtar", "-xf", archive.toString(), "-C", into.toString());

    assertUnpacked(into);
  }

  @Test
  void bsdtarExtractsTheZip() throws Exception {
    Path archive = packed("zip");

    Path into = Files.createDirectories(work.resolve("bsdtar-zip"));
    run("libarchive-tools", "bsdtar", "-xf", archive.toString(), "-C", into.toString());

    assertUnpacked(into);
  }

  @Test
  void pythonTarfileExtractsTheTarGzWithWarningsAsErrors() throws Exception {
    Path archive = packed("tar.gz");

    Path into = work.resolve("python");
    run("python3", "python3", "-c", PYTHON_EXTRACT, archive.toString(), into.toString());

    assertUnpacked(into);
  }

  @Test
  void unzipExtractsTheZip() throws Exception {
    Path archive = packed("zip");

    Path into = work.resolve("unzip");
    run("unzip", "unzip", "-q", archive.toString(), "-d", into.toString());

    assertUnpacked(into);
  }

  private void assertUnpacked(Path into) throws IOException {
    assertThat(Archives.list(into))
        .as("the same files and links as packed")
        .isEqualTo(Archives.list(outputs));
    assertThat(Files.isExecutable(into.resolve("bin/tool"))).isTrue();
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(into.resolve("bin/tool"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(into.resolve("share/data.txt"))))
        .isEqualTo("rw-r--r--");
    assertThat(Files.readSymbolicLink(into.resolve("lib/libfoo.so")))
        .isEqualTo(Path.of("libfoo.so.1"));
    assertThat(Files.readSymbolicLink(into.resolve("lib/libfoo.so.1")))
        .isEqualTo(Path.of("libfoo.so.1.2.3"));
    assertThat(into.resolve("lib/libfoo.so.1.2.3")).isRegularFile().hasContent("ELF pretend");
    assertThat(Files.readString(into.resolve("lib/libfoo.so")))
        .as("the chain resolves")
        .isEqualTo("ELF pretend");
    assertThat(into.resolve(ArchivesTest.LONG_NAME)).hasContent("read me");
    try (Stream<Path> files = Files.walk(into)) {
      List<Path> regular =
          files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
      assertThat(regular)
          .hasSize(4)
          .allSatisfy(
              file ->
                  assertThat(Files.getLastModifiedTime(file).toInstant().getEpochSecond())
                      .as("mtime of %s", file)
                      .isEqualTo(EPOCH));
    }
  }

  /**
   * Runs a tool in UTC (a zip's times are local times); asserts exit 0 and an empty stderr; returns
   * stdout.
   */
  private String run(String debianPackage, String... command) throws Exception {
    Path stdout = Files.createTempFile(work, "stdout", ".txt");
    Path stderr = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().put("TZ", "UTC");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(
          command[0]
              + " is not installed, and the archives must be checked with it."
              + " Install the Debian package: apt-get install -y "
              + debianPackage,
          e);
    }
    List<String> shown = new ArrayList<>(List.of(command));
    shown.replaceAll(arg -> arg.contains("\n") ? "<script>" : arg);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", shown).isTrue();
    String errors = Files.readString(stderr);
    assertThat(process.exitValue()).as("exit code of %s, stderr: %s", shown, errors).isZero();
    assertThat(errors).as("stderr of %s", shown).isEmpty();
    return Files.readString(stdout);
  }
}
