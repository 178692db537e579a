package dev.crossbuild.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.actions.runners.PinnedActions;
import dev.crossbuild.actions.runners.RunnerCatalog;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "x86_64-unknown-linux-gnu,       ubuntu-24.04,     -",
        "x86_64-unknown-linux-musl,      ubuntu-24.04,     -",
        "aarch64-unknown-linux-gnu,      ubuntu-24.04-arm, -",
        "aarch64-unknown-linux-musl,     ubuntu-24.04-arm, -",
        "aarch64-apple-darwin,           macos-15,         -",
        "x86_64-apple-darwin,            macos-15-intel,   -",
        "x86_64-pc-windows-msvc,         windows-2025,     -",
        "aarch64-pc-windows-msvc,        windows-11-arm,   -",
        "armv7-unknown-linux-gnueabihf,  ubuntu-24.04,     arm",
        "riscv64gc-unknown-linux-gnu,    ubuntu-24.04,     riscv64",
        "powerpc64le-unknown-linux-gnu,  ubuntu-24.04,     ppc64le",
        "s390x-unknown-linux-gnu,        ubuntu-24.04,     s390x",
        "mips64-unknown-linux-gnuabi64,  ubuntu-24.04,     all"
      })
  void eachTargetGetsItsNativeRunnerOrQemu(String triple, String runner, String qemu) {
    var chosen = RunnerCatalog.standard().runnerFor(triple);

    assertThat(chosen.label()).isEqualTo(runner);
    assertThat(chosen.qemuPlatforms()).isEqualTo(qemu);
  }

  @Test
  void catalogSaysWhenItWasChecked() {
    assertThat(RunnerCatalog.standard().checked()).isAfter(LocalDate.of(2025, 1, 1));
  }

  @Test
  void everyActionTheGeneratorUsesIsPinned() {
    PinnedActions pins = PinnedActions.standard();
    for (String action :
        new String[] {
          PinnedActions.CHECKOUT,
          PinnedActions.SETUP_JAVA,
          PinnedActions.SETUP_QEMU,
          PinnedActions.UPLOAD_ARTIFACT,
          PinnedActions.DOWNLOAD_ARTIFACT,
          PinnedActions.ATTEST_PROVENANCE,
          PinnedActions.CACHE
        }) {
      assertThat(pins.get(action).uses()).matches(action + "@[0-9a-f]{40}");
      assertThat(pins.get(action).version()).matches("v\\d+\\.\\d+\\.\\d+");
    }
  }
}
