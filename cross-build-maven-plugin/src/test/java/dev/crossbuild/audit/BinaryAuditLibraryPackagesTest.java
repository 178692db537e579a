package dev.crossbuild.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** LibraryPackages: {@code dpkg -S} output from a Debian build image with an arm64 foreign arch. */
class BinaryAuditLibraryPackagesTest {

  private static final String DPKG =
      String.join(
          "\n",
          "libssl3:arm64: /usr/lib/aarch64-linux-gnu/libssl.so.3",
          "zlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1",
          "zlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1.2.13",
          "libc6:amd64, libc6-dev:amd64: /usr/lib/x86_64-linux-gnu",
          "diversion by libc6 from: /lib64/ld-linux-x86-64.so.2",
          "diversion by libc6 to: /lib64/ld-linux-x86-64.so.2.usr-is-merged",
          "libc6:amd64: /lib64/ld-linux-x86-64.so.2",
          "libssl3:amd64: /usr/lib/x86_64-linux-gnu/libssl.so.3",
          "libssl-dev:amd64: /usr/lib/x86_64-linux-gnu/libssl.so",
          "libz-fork:amd64: /usr/lib/x86_64-linux-gnu/libz.so.1",
          "libpulse0:amd64: /usr/lib/x86_64-linux-gnu/pulseaudio/libpulsecommon-16.1.so",
          "dpkg-query: no path found matching pattern *lib*.so*",
          "");

  @Test
  void multiarchDirectoryKeepsOnlyThatArchitecturesLibraries() {
    assertThat(LibraryPackages.parse(DPKG, "x86_64-linux-gnu"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "libz.so.1", "zlib1g",
                "libz.so.1.2.13", "zlib1g",
                "libssl.so.3", "libssl3",
                "libssl.so", "libssl-dev"));
    assertThat(LibraryPackages.parse(DPKG, "aarch64-linux-gnu"))
        .containsExactly(Map.entry("libssl.so.3", "libssl3"));
  }

  @Test
  void withoutMultiarchDirectoryEveryLibraryCountsAndTheFirstPackageWins() {
    Map<String, String> packages = LibraryPackages.parse(DPKG, null);

    assertThat(packages)
        .containsEntry("ld-linux-x86-64.so.2", "libc6")
        .containsEntry("libpulsecommon-16.1.so", "libpulse0")
        .containsEntry("libz.so.1", "zlib1g")
        .containsEntry("libssl.so.3", "libssl3")
        .hasSize(6);
  }

  @Test
  void directoryAndDiversionLinesAreSkipped() {
    Map<String, String> packages = LibraryPackages.parse(DPKG, null);

    assertThat(packages.values()).doesNotContain("libc6-dev", "diversion by libc6 from");
    assertThat(packages.keySet()).doesNotContain("x86_64-linux-gnu");
    assertThat(packages).doesNotContainKey("ld-linux-x86-64.so.2.usr-is-merged");
  }

  @Test
  void describeNamesThePackageOrSaysThereIsNone() {
    Map<String, String> packages = LibraryPackages.parse(DPKG, "x86_64-linux-gnu");

    assertThat(LibraryPackages.describe("libz.so.1", packages))
        .isEqualTo("libz.so.1 (Debian package zlib1g)");
    assertThat(LibraryPackages.describe("libfoo.so.2", packages))
        .isEqualTo("libfoo.so.2 (no Debian package in the build image provides it)");
  }
}
