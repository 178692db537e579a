package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.engine.UnsafeArchiveException;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.target.TargetCatalog;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives built elsewhere, found, checked and unpacked for the multi-platform jar. */
class CollectedArchivesTest {

  @TempDir Path dir;

  private CrossConfig config(String... triples) {
    return new ConfigResolver(TargetCatalog.builtIn())
        .resolve(
            new RawConfig(
                dir,
                "hello",
                "1.0",
                dir.resolve("target/cross"),
                java.util.Arrays.stream(triples).map(RawTarget::of).toList(),
                null,
                new RecipeOverrides(
                    "make",
                    List.of(),
                    null,
                    List.of(),
                    null,
                    null,
                    List.of("libhello.so"),
                    Map.of()),
                List.of(),
                null,
                2,
                "none",
                false));
  }

  /** An archive as cross:build packs it, holding one file with this content. */
  private Path archive(String name, String file, String content) throws Exception {
    Path outputs = Files.createDirectories(dir.resolve("outputs-" + name));
    Files.writeString(outputs.resolve(file), content);
    Path archive = dir.resolve("target/cross").resolve(name);
    Files.createDirectories(archive.getParent());
    Archives.pack(outputs, archive, Archives.DEFAULT_EPOCH);
    return archive;
  }

  @Test
  void everyTargetsArchiveIsFoundAndUnpackedUnderItsClassifier() throws Exception {
    archive("hello-1.0-linux-x86_64.tar.gz", "libhello.so", "x86_64 library");
    archive("hello-1.0-linux-aarch_64.tar.gz", "libhello.so", "aarch64 library");
    archive("hello-1.0-windows-x86_64.zip", "hello.dll", "windows library");
    CrossConfig config =
        config("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "x86_64-pc-windows-msvc");

    List<CollectedArchives.Collected> found = CollectedArchives.find(config);
    assertThat(found)
        .extracting(c -> c.archive().getFileName().toString())
        .containsExactly(
            "hello-1.0-linux-x86_64.tar.gz",
            "hello-1.0-linux-aarch_64.tar.gz",
            "hello-1.0-windows-x86_64.zip");

    Path classes = dir.resolve("target/classes");
    Files.createDirectories(classes.resolve("META-INF/native/linux-x86_64"));
    Files.writeString(
        classes.resolve("META-INF/native/linux-x86_64/stale.so"), "from an older build");
    List<String> written = CollectedArchives.unpack(found, classes, "/META-INF/native/", Map.of());
    assertThat(written)
        .containsExactly(
            "META-INF/native/linux-aarch_64/libhello.so",
            "META-INF/native/linux-x86_64/libhello.so",
            "META-INF/native/windows-x86_64/hello.dll");
    assertThat(classes.resolve("META-INF/native/linux-aarch_64/libhello.so"))
        .hasContent("aarch64 library");
    assertThat(classes.resolve("META-INF/native/windows-x86_64/hello.dll"))
        .hasContent("windows library");
    assertThat(classes.resolve("META-INF/native/linux-x86_64/stale.so"))
        .as("replaced, not merged")
        .doesNotExist();
  }

  @Test
  void aTargetsOwnNativeResourceDirTakesThePlaceOfPathAndClassifier() throws Exception {
    archive("hello-1.0-linux-x86_64.tar.gz", "libjansi.so", "x86_64 library");
    archive("hello-1.0-linux-aarch_64.tar.gz", "libjansi.so", "aarch64 library");
    CrossConfig config =
        new ConfigResolver(TargetCatalog.builtIn())
            .resolve(
                new RawConfig(
                    dir,
                    "hello",
                    "1.0",
                    dir.resolve("target/cross"),
                    List.of(
                        RawTarget.of("x86_64-unknown-linux-gnu"),
                        new RawTarget(
                            "aarch64-unknown-linux-gnu",
                            null,
                            null,
                            null,
                            null,
                            null,
                            "/org/example/native/Linux/arm64/")),
                    null,
                    new RecipeOverrides(
                        "make",
                        List.of(),
                        null,
                        List.of(),
                        null,
                        null,
                        List.of("libjansi.so"),
                        Map.of()),
                    List.of(),
                    null,
                    2,
                    "none",
                    false));
    assertThat(config.nativeResourceDirs())
        .containsExactly(Map.entry("aarch64-unknown-linux-gnu", "org/example/native/Linux/arm64"));

    Path classes = dir.resolve("target/classes");
    List<String> written =
        CollectedArchives.unpack(
            CollectedArchives.find(config),
            classes,
            "META-INF/native",
            config.nativeResourceDirs());
    assertThat(written)
        .containsExactly(
            "META-INF/native/linux-x86_64/libjansi.so",
            "org/example/native/Linux/arm64/libjansi.so");
    assertThat(classes.resolve("org/example/native/Linux/arm64/libjansi.so"))
        .hasContent("aarch64 library");
  }

  @Test
  void missingArchivesAreAllNamedWithTheFix() throws Exception {
    archive("hello-1.0-linux-x86_64.tar.gz", "libhello.so", "x86_64 library");
    assertThatThrownBy(
            () ->
                CollectedArchives.find(
                    config(
                        "x86_64-unknown-linux-gnu",
                        "aarch64-unknown-linux-gnu",
                        "aarch64-apple-darwin")))
        .isInstanceOfSatisfying(
            CollectedArchives.CollectException.class, e -> assertThat(e.problems()).hasSize(2))
        .hasMessageContaining("2 problem(s) with the archives in " + dir.resolve("target/cross"))
        .hasMessageContaining(
            "Target aarch64-unknown-linux-gnu: no hello-1.0-linux-aarch_64.tar.gz")
        .hasMessageContaining("Target aarch64-apple-darwin: no hello-1.0-osx-aarch_64.tar.gz")
        .hasMessageContaining("Download the build legs' archives into");
  }

  @Test
  void anArchiveOfAnotherVersionNamesBothVersions() throws Exception {
    archive("hello-0.9-SNAPSHOT-linux-x86_64.tar.gz", "libhello.so", "old");
    assertThatThrownBy(() -> CollectedArchives.find(config("x86_64-unknown-linux-gnu")))
        .hasMessageContaining(
            "hello-0.9-SNAPSHOT-linux-x86_64.tar.gz is of version 0.9-SNAPSHOT, but the project"
                + " is 1.0 (expected hello-1.0-linux-x86_64.tar.gz)");
  }

  @Test
  void twoArchivesForOneClassifierNameBothFiles() throws Exception {
    archive("hello-1.0-linux-x86_64.tar.gz", "libhello.so", "new");
    archive("hello-0.9-linux-x86_64.tar.gz", "libhello.so", "old");
    assertThatThrownBy(() -> CollectedArchives.find(config("x86_64-unknown-linux-gnu")))
        .hasMessageContaining(
            "Target x86_64-unknown-linux-gnu (linux-x86_64) has 2 archives:"
                + " hello-0.9-linux-x86_64.tar.gz, hello-1.0-linux-x86_64.tar.gz. Keep only hello-1.0-linux-x86_64.tar.gz.");
  }

  @Test
  void anUnsafeEntryIsRefusedByTheBuildsExtractor() throws Exception {
    Path archive = dir.resolve("target/cross/hello-1.0-linux-x86_64.tar.gz");
    Files.createDirectories(archive.getParent());
    try (OutputStream out = Files.newOutputStream(archive);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      byte[] bytes = "escaped".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry("../../escaped.so", true);
      entry.setSize(bytes.length);
      tar.putArchiveEntry(entry);
      tar.write(bytes);
      tar.closeArchiveEntry();
    }
    List<CollectedArchives.Collected> found =
        CollectedArchives.find(config("x86_64-unknown-linux-gnu"));
    Path classes = dir.resolve("target/classes");
    assertThatThrownBy(() -> CollectedArchives.unpack(found, classes, "META-INF/native", Map.of()))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining("../../escaped.so");
    assertThat(dir.resolve("target/escaped.so")).doesNotExist();
    assertThat(classes.resolve("META-INF/native/linux-x86_64")).doesNotExist();
  }
}
