package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.target.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionsTest {

  @Test
  void olderEngineGetsItsOwnVersion() {
    // Docker 20.10 speaks 1.41 at most and refuses "client version 1.44 is too new".
    assertThat(ApiVersions.negotiate("1.41", "1.12", "1.44")).isEqualTo("1.41");
  }

  @Test
  void newerEngineGetsTheClientsHighest() {
    // Docker Engine 29 speaks 1.52 and refuses clients older than 1.44.
    assertThat(ApiVersions.negotiate("1.52", "1.44", "1.44")).isEqualTo("1.44");
  }

  @Test
  void comparesMinorVersionsAsNumbers() {
    assertThat(ApiVersions.negotiate("1.9", null, "1.44")).isEqualTo("1.9");
    assertThat(ApiVersions.compare("1.100", "1.44")).isPositive();
  }

  @Test
  void engineThatRequiresANewerClientIsAClearError() {
    assertThatThrownBy(() -> ApiVersions.negotiate("1.60", "1.50", "1.44"))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("requires Docker API 1.50 or newer")
        .hasMessageContaining("at most 1.44");
  }

  @Test
  void missingEngineVersionIsAnError() {
    assertThatThrownBy(() -> ApiVersions.negotiate(null, null, "1.44"))
        .isInstanceOf(EngineException.class);
  }

  @Test
  void clientMaximumIsDockerJavasHighest() {
    assertThat(ApiVersions.compare(DockerJavaEngine.CLIENT_MAX_API, "1.44"))
        .isGreaterThanOrEqualTo(0);
  }

  @ParameterizedTest
  @CsvSource({
    "linux, x86_64, , linux/amd64",
    "linux, amd64, , linux/amd64",
    "linux, aarch64, , linux/arm64",
    "linux, arm64, v8, linux/arm64",
    "linux, armv7l, , linux/arm/v7",
    "linux, arm, v7, linux/arm/v7",
    "linux, arm, v6, linux/arm/v6",
    "linux, armv6l, , linux/arm/v6",
    "linux, i686, , linux/386",
    "linux, ppc64le, , linux/ppc64le",
    "linux, s390x, , linux/s390x",
    "linux, riscv64, , linux/riscv64",
    "Linux, X86_64, , linux/amd64",
  })
  void normalisesEngineArchitectures(String os, String arch, String variant, String expected) {
    assertThat(EnginePlatforms.normalise(os, arch, variant)).isEqualTo(Platform.parse(expected));
  }
}
