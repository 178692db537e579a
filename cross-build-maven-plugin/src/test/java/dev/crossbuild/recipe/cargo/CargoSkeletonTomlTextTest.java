package dev.crossbuild.recipe.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-place TOML editing under the skeleton: the right value is found, nothing else moves. */
class CargoSkeletonTomlTextTest {

  @Test
  void findsValuesByFullPathAcrossTheWaysTomlSpellsThem() {
    String toml =
        """
        cargo-features = ["edition2024"] # top level
        [package]
        name = "demo"
        description = \"""
        Not a table: [dependencies]
        version = "9.9.9"
        \"""
        "version" = '1.2.3'
        authors = [
          "A", # first
          "B",
        ]

        [dependencies]
        foo = { path = "../foo", version = "1.0", features = ["x", "y"] }
        bar.path = "../bar"
        bar.version = "=2.0.0"

        [target.'cfg(unix)'.dependencies.baz]
        path = "baz"
        version = "3"

        [[bin]]
        name = "one"
        [[bin]]
        name = "two"
        """;
    List<TomlText.Value> values = TomlText.scan(toml);

    assertThat(string(values, "cargo-features", "[0]")).contains("edition2024");
    assertThat(string(values, "package", "name")).contains("demo");
    assertThat(string(values, "package", "version")).contains("1.2.3");
    assertThat(string(values, "package", "description"))
        .contains("Not a table: [dependencies]\nversion = \"9.9.9\"\n");
    assertThat(string(values, "package", "authors", "[1]")).contains("B");
    assertThat(string(values, "dependencies", "foo", "version")).contains("1.0");
    assertThat(string(values, "dependencies", "foo", "features", "[1]")).contains("y");
    assertThat(string(values, "dependencies", "bar", "version")).contains("=2.0.0");
    assertThat(string(values, "target", "cfg(unix)", "dependencies", "baz", "version"))
        .contains("3");
    assertThat(string(values, "bin", "[1]", "name")).contains("two");
    assertThat(string(values, "dependencies", "version")).isEmpty();
  }

  @Test
  void editsReplaceOnlyTheValue() {
    String toml = "[package]\nversion    =   \"1.2.3\"   # keep me\nname = \"x\"\n";
    TomlText.Value version =
        TomlText.scan(toml).stream()
            .filter(v -> v.path().equals(List.of("package", "version")))
            .findFirst()
            .orElseThrow();

    String edited =
        TomlText.apply(
            toml, List.of(new TomlText.Edit(version.start(), version.end(), "\"0.0.0\"")));

    assertThat(edited).isEqualTo("[package]\nversion    =   \"0.0.0\"   # keep me\nname = \"x\"\n");
  }

  @Test
  void keepsWindowsLineEndings() {
    String toml = "[package]\r\nversion = \"1.2.3\"\r\n[dependencies]\r\nfoo = \"1\"\r\n";
    List<TomlText.Value> values = TomlText.scan(toml);
    TomlText.Value version =
        values.stream()
            .filter(v -> v.path().equals(List.of("package", "version")))
            .findFirst()
            .orElseThrow();

    assertThat(string(values, "dependencies", "foo")).contains("1");
    assertThat(
            TomlText.apply(
                toml, List.of(new TomlText.Edit(version.start(), version.end(), "\"0.0.0\""))))
        .isEqualTo(toml.replace("1.2.3", "0.0.0"));
  }

  @Test
  void decodesEscapes() {
    assertThat(TomlText.decode("\"a\\\"b\\u00e9\\n\"")).isEqualTo("a\"b\u00e9\n");
    assertThat(TomlText.decode("'C:\\path'")).isEqualTo("C:\\path");
    assertThat(TomlText.decode("\"\"\"\nline \\\n   joined\"\"\"")).isEqualTo("line joined");
  }

  private static Optional<String> string(List<TomlText.Value> values, String... path) {
    return values.stream()
        .filter(v -> v.isString() && v.path().equals(List.of(path)))
        .map(TomlText.Value::string)
        .findFirst();
  }
}
