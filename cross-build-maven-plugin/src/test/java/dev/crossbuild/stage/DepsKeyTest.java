package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepsKeyTest {

  @TempDir Path checkoutA;
  @TempDir Path checkoutB;

  private static String key(Path dir, String base) {
    return DepsKey.compute("make", "1", base, "cross", "linux/amd64", "aarch64-unknown-linux-gnu",
        "FROM amd64/debian:bookworm-slim\n", dir, List.of("Cargo.toml", "sub/deps.txt"));
  }

  private static void project(Path dir, String manifest, String source) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("Cargo.toml"), manifest);
    Files.writeString(dir.resolve("sub/deps.txt"), "zlib\n");
    Files.writeString(dir.resolve("main.c"), source);
  }

  @Test
  void sameInputsInTwoWorktreesGiveTheSameKeyEveryTime() throws Exception {
    project(checkoutA, "[package]\nname = \"a\"\n", "int main(){}");
    project(checkoutB, "[package]\nname = \"a\"\n", "int main(){}");

    assertThat(key(checkoutA, "sha256:1")).hasSize(64).isEqualTo(key(checkoutB, "sha256:1"))
        .isEqualTo(key(checkoutA, "sha256:1"));
  }

  @Test
  void oneManifestByteChangesTheKeyButASourceFileDoesNot() throws Exception {
    project(checkoutA, "[package]\nname = \"a\"\n", "int main(){}");
    String before = key(checkoutA, "sha256:1");

    Files.writeString(checkoutA.resolve("main.c"), "int main(){ return 1; }");
    assertThat(key(checkoutA, "sha256:1")).as("source-only change").isEqualTo(before);

    Files.writeString(checkoutA.resolve("Cargo.toml"), "[package]\nname = \"b\"\n");
    assertThat(key(checkoutA, "sha256:1")).as("one manifest byte").isNotEqualTo(before);
  }

  @Test
  void baseImageIdStrategyAndDockerfileArePartOfTheKey() throws Exception {
    project(checkoutA, "x", "y");
    String base = key(checkoutA, "sha256:1");
    assertThat(key(checkoutA, "sha256:2")).isNotEqualTo(base);
    assertThat(DepsKey.compute("make", "1", "sha256:1", "emulated", "linux/amd64", "aarch64-unknown-linux-gnu",
        "FROM amd64/debian:bookworm-slim\n", checkoutA, List.of("Cargo.toml", "sub/deps.txt"))).isNotEqualTo(base);
    assertThat(DepsKey.compute("make", "1", "sha256:1", "cross", "linux/amd64", "aarch64-unknown-linux-gnu",
        "FROM amd64/debian:bookworm-slim\nRUN true\n", checkoutA, List.of("Cargo.toml", "sub/deps.txt")))
        .isNotEqualTo(base);
  }
}
