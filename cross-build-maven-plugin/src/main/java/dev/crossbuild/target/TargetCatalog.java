package dev.crossbuild.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The known targets, read from the data file {@code targets.tsv} next to this class: a header line
 * naming the columns, then one tab-separated line per target; {@code #} starts a comment line and
 * {@code -} means "none".
 */
public final class TargetCatalog {

  static final String RESOURCE = "targets.tsv";
  static final List<String> COLUMNS =
      List.of("triple", "platform", "classifier", "debianArch", "gnuPrefix", "baseImage");

  private static final int MAX_SUGGESTIONS = 3;
  private static final int CLOSE_TO_BEST = 2;
  private static volatile TargetCatalog builtIn;

  private final Map<String, Target> targets;

  private TargetCatalog(Map<String, Target> targets) {
    this.targets = targets;
  }

  /** The catalog shipped with the plugin. */
  public static TargetCatalog builtIn() {
    TargetCatalog catalog = builtIn;
    if (catalog == null) {
      try (InputStream in = TargetCatalog.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "Missing resource " + RESOURCE + " next to " + TargetCatalog.class);
        }
        catalog = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the built-in target catalog", e);
      }
      builtIn = catalog;
    }
    return catalog;
  }

  /**
   * Reads a catalog in the {@code targets.tsv} format.
   *
   * @throws CatalogFormatException when a line is not shaped as the header says, or a triple
   *     repeats
   * @throws IOException when the reader fails
   */
  public static TargetCatalog parse(Reader reader) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    int[] column = null;
    Map<String, Target> targets = new LinkedHashMap<>();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (column == null) {
        column = header(number, line, fields);
        continue;
      }
      if (fields.length != column.length) {
        throw new CatalogFormatException(
            number,
            line,
            "expected " + column.length + " tab-separated fields, found " + fields.length);
      }
      Target target = row(number, line, fields, column);
      if (targets.putIfAbsent(target.triple().value(), target) != null) {
        throw new CatalogFormatException(number, line, "triple listed twice");
      }
    }
    if (column == null) {
      throw new CatalogFormatException(0, "", "no header line " + String.join("\\t", COLUMNS));
    }
    return new TargetCatalog(targets);
  }

  /** For each of {@link #COLUMNS}, its index in the file's header. */
  private static int[] header(int number, String line, String[] fields) {
    List<String> names = List.of(fields).stream().map(String::strip).toList();
    if (names.size() != COLUMNS.size() || !names.containsAll(COLUMNS)) {
      throw new CatalogFormatException(
          number, line, "header must name the columns " + String.join(", ", COLUMNS));
    }
    int[] index = new int[COLUMNS.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = names.indexOf(COLUMNS.get(i));
    }
    return index;
  }

  private static Target row(int number, String line, String[] fields, int[] column) {
    String[] value = new String[COLUMNS.size()];
    for (int i = 0; i < value.length; i++) {
      String field = fields[column[i]].strip();
      if (field.isEmpty()) {
        throw new CatalogFormatException(
            number, line, "empty " + COLUMNS.get(i) + " (write - for none)");
      }
      value[i] = "-".equals(field) ? null : field;
    }
    if (value[0] == null || value[1] == null || value[2] == null) {
      throw new CatalogFormatException(
          number, line, "triple, platform and classifier are required");
    }
    try {
      return new Target(
          TargetTriple.parse(value[0]),
          Platform.parse(value[1]),
          value[2],
          value[3],
          value[4],
          value[5]);
    } catch (IllegalArgumentException e) {
      throw new CatalogFormatException(number, line, e.getMessage());
    }
  }

  /**
   * The catalog entry for a triple.
   *
   * @throws InvalidTripleException when the text is not shaped like a triple
   * @throws UnknownTargetException when it is not in the catalog (with the closest known triples)
   */
  public Target resolve(String triple) {
    TargetTriple parsed = TargetTriple.parse(triple);
    Target target = targets.get(parsed.value());
    if (target == null) {
      throw new UnknownTargetException(parsed.value(), suggest(parsed.value()));
    }
    return target;
  }

  /** Up to three known triples closest to the text, closest first. */
  public List<String> suggest(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (wanted.isEmpty()) {
      return List.of();
    }
    record Scored(String triple, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (Target target : targets.values()) {
      int distance = distance(wanted, target.triple());
      if (distance <= threshold(wanted, target.triple().value())) {
        scored.add(new Scored(target.triple().value(), distance));
      }
    }
    // stable sort: equal distances keep catalog order (gnu before musl)
    scored.sort(Comparator.comparingInt(Scored::distance));
    // a clear winner stands alone: "aarch64-unknown-linux-gn" should not also offer the musl triple
    int cutoff = scored.isEmpty() ? 0 : scored.get(0).distance() + CLOSE_TO_BEST;
    return scored.stream()
        .filter(s -> s.distance() <= cutoff)
        .limit(MAX_SUGGESTIONS)
        .map(Scored::triple)
        .toList();
  }

  /** The base image of the first target that builds in a container of {@code platform}, or null. */
  public String baseImageFor(Platform platform) {
    return all().stream()
        .filter(t -> t.platform().equals(platform) && t.baseImage() != null)
        .map(Target::baseImage)
        .findFirst()
        .orElse(null);
  }

  /** Every target, in catalog order. */
  public Collection<Target> all() {
    return List.copyOf(targets.values());
  }

  /**
   * Edit distance to the triple, or to the triple without its vendor part when that is closer,
   * since people often write the GNU form ({@code aarch64-linux-gnu}).
   */
  private static int distance(String wanted, TargetTriple triple) {
    String full = triple.value().toLowerCase(Locale.ROOT);
    String noVendor =
        (triple.arch() + "-" + triple.os() + (triple.env().isEmpty() ? "" : "-" + triple.env()))
            .toLowerCase(Locale.ROOT);
    return Math.min(
        EditDistance.levenshtein(wanted, full), EditDistance.levenshtein(wanted, noVendor));
  }

  /** About one edit in three characters, at least 2: beyond that a suggestion is noise. */
  private static int threshold(String wanted, String triple) {
    return Math.max(2, Math.min(wanted.length(), triple.length()) / 3);
  }
}
