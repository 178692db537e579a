package dev.crossbuild.actions.runners;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The target -> runner catalog, read from the data file {@code runners.txt} next to this library's
 * classes. Targets are matched by the architecture (first part of the triple) and the os family
 * found in the rest, so the generator needs no knowledge of the plugin's target catalog.
 */
public final class RunnerCatalog {
  private static final String RESOURCE = "/dev/crossbuild/actions/runners.txt";

  private final Map<String, Runner> runners;
  private final LocalDate checked;

  private RunnerCatalog(Map<String, Runner> runners, LocalDate checked) {
    this.runners = runners;
    this.checked = checked;
  }

  /** The catalog shipped with this library. */
  public static RunnerCatalog standard() {
    try (InputStream in = RunnerCatalog.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, RESOURCE);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the runner catalog " + RESOURCE, e);
    }
  }

  static RunnerCatalog parse(String text) {
    Map<String, Runner> runners = new LinkedHashMap<>();
    LocalDate checked = null;
    try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.strip();
        if (trimmed.startsWith("# checked:")) {
          checked = LocalDate.parse(trimmed.substring("# checked:".length()).strip());
        }
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] columns = trimmed.split("\\s+");
        if (columns.length != 4) {
          throw new IllegalStateException("Runner catalog line needs 4 columns: " + line);
        }
        String qemu = columns[3].equals("-") ? null : columns[3];
        runners.put(columns[0] + "/" + columns[1], new Runner(columns[2], qemu));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (checked == null) {
      throw new IllegalStateException("Runner catalog has no '# checked: <date>' line");
    }
    return new RunnerCatalog(Map.copyOf(runners), checked);
  }

  /** The date the catalog was last checked against GitHub's list of hosted runners. */
  public LocalDate checked() {
    return checked;
  }

  /**
   * The runner for a target triple.
   *
   * @throws UnsupportedTargetException when the os family is not Linux, macOS or Windows, or a
   *     macOS/Windows architecture has no hosted runner
   */
  public Runner runnerFor(String triple) {
    TargetOs os = TargetOs.of(triple);
    if (os == null) {
      throw new UnsupportedTargetException(triple);
    }
    String arch = architecture(triple);
    Runner exact = runners.get(os.id() + "/" + arch);
    if (exact != null) {
      return exact;
    }
    Runner any = runners.get(os.id() + "/*");
    if (any == null) {
      throw new UnsupportedTargetException(triple);
    }
    return any;
  }

  // Normalises the spellings of one architecture: riscv64gc/riscv64, armv7/thumbv7neon, ...
  static String architecture(String triple) {
    String arch = triple.substring(0, Math.max(0, triple.indexOf('-'))).toLowerCase(Locale.ROOT);
    if (arch.equals("amd64")) {
      return "x86_64";
    }
    if (arch.equals("arm64")) {
      return "aarch64";
    }
    if (arch.startsWith("armv7") || arch.startsWith("thumbv7")) {
      return "armv7";
    }
    if (arch.startsWith("riscv64")) {
      return "riscv64";
    }
    if (arch.matches("i[3-6]86")) {
      return "i686";
    }
    return arch;
  }
}
