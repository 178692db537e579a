package dev.crossbuild.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.actions.generate.WorkflowGenerator;
import dev.crossbuild.actions.generate.WorkflowRequest;
import dev.crossbuild.actions.runners.ArchiveFormat;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchiveFormatTest {
  @ParameterizedTest
  @CsvSource({
    "x86_64-pc-windows-msvc,        ZIP,    .zip,    zip",
    "aarch64-pc-windows-msvc,       ZIP,    .zip,    zip",
    "x86_64-pc-windows-gnu,         ZIP,    .zip,    zip",
    "x86_64-unknown-linux-gnu,      TAR_GZ, .tar.gz, tar.gz",
    "riscv64gc-unknown-linux-musl,  TAR_GZ, .tar.gz, tar.gz",
    "aarch64-apple-darwin,          TAR_GZ, .tar.gz, tar.gz",
    "x86_64-unknown-freebsd,        TAR_GZ, .tar.gz, tar.gz"
  })
  void windowsGetsAZipAndEverythingElseATarGz(
      String triple, ArchiveFormat format, String extension, String type) {
    assertThat(ArchiveFormat.forTarget(triple)).isEqualTo(format);
    assertThat(format.extension()).isEqualTo(extension);
    assertThat(format.type()).isEqualTo(type);
  }

  @Test
  void fileNameUsesTheClassifierAndTheTriplesExtension() {
    assertThat(
            ArchiveFormat.fileName("widget", "1.2.3", "windows-x86_64", "x86_64-pc-windows-msvc"))
        .isEqualTo("widget-1.2.3-windows-x86_64.zip");
    assertThat(
            ArchiveFormat.fileName(
                "widget", "1.2.3", "linux-aarch_64", "aarch64-unknown-linux-gnu"))
        .isEqualTo("widget-1.2.3-linux-aarch_64.tar.gz");
  }

  @Test
  void fileNameTellsItsFormatBack() {
    assertThat(ArchiveFormat.forFileName("widget-1.2.3-windows-x86_64.zip"))
        .isEqualTo(ArchiveFormat.ZIP);
    assertThat(ArchiveFormat.forFileName("widget-1.2.3-osx-aarch_64.TAR.GZ"))
        .isEqualTo(ArchiveFormat.TAR_GZ);
    assertThat(ArchiveFormat.forFileName("widget-1.2.3.jar")).isNull();
  }

  @Test
  void everyLegsUploadGlobMatchesTheFileNamedForItsTarget() {
    List<String> targets =
        List.of("x86_64-unknown-linux-gnu", "aarch64-apple-darwin", "x86_64-pc-windows-msvc");
    var legs =
        WorkflowGenerator.standard()
            .generate(WorkflowRequest.builder(targets).build())
            .jobs()
            .get("build")
            .matrix()
            .include();

    assertThat(legs).hasSize(targets.size()).allSatisfy(leg -> assertGlobMatches(leg));
  }

  private static void assertGlobMatches(Map<String, Object> leg) {
    String triple = (String) leg.get("target");
    String file = ArchiveFormat.fileName("widget", "1.0", "some-classifier", triple);
    var matcher = FileSystems.getDefault().getPathMatcher("glob:" + leg.get("archive"));

    assertThat(matcher.matches(Path.of("target/cross", file)))
        .as("%s matches %s", leg.get("archive"), file)
        .isTrue();
  }
}
