package dev.crossbuild.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Debian releases a glibc floor can pick a base image from, read from the data file {@code
 * releases.tsv} next to this class: a header line naming the columns, then one tab-separated line
 * per release with its glibc and the architectures it has official images for; {@code #} starts a
 * comment line.
 */
public final class DebianReleases {

  static final String RESOURCE = "releases.tsv";
  static final List<String> COLUMNS = List.of("release", "glibc", "architectures");

  private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)+");
  private static volatile DebianReleases builtIn;

  /** Oldest glibc first. */
  private final List<DebianRelease> releases;

  private DebianReleases(List<DebianRelease> releases) {
    this.releases =
        releases.stream()
            .sorted(Comparator.comparing(DebianRelease::glibc, DebianReleases::compareGlibc))
            .toList();
  }

  /** The releases shipped with the plugin. */
  public static DebianReleases builtIn() {
    DebianReleases known = builtIn;
    if (known == null) {
      try (InputStream in = DebianReleases.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "Missing resource " + RESOURCE + " next to " + DebianReleases.class);
        }
        known = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the built-in Debian releases", e);
      }
      builtIn = known;
    }
    return known;
  }

  /**
   * Reads releases in the {@code releases.tsv} format.
   *
   * @throws CatalogFormatException when the header is not {@code release glibc architectures}, a
   *     line is not shaped as it says, or a release repeats
   * @throws IOException when the reader fails
   */
  public static DebianReleases parse(Reader reader) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    boolean header = false;
    List<DebianRelease> releases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> fields = List.of(line.split("\t", -1)).stream().map(String::strip).toList();
      if (!header) {
        if (!fields.equals(COLUMNS)) {
          throw new CatalogFormatException(
              number, line, "header must name the columns " + String.join(", ", COLUMNS));
        }
        header = true;
        continue;
      }
      if (fields.size() != COLUMNS.size() || fields.contains("")) {
        throw new CatalogFormatException(
            number, line, "expected " + COLUMNS.size() + " non-empty tab-separated fields");
      }
      if (!VERSION.matcher(fields.get(1)).matches()) {
        throw new CatalogFormatException(number, line, "glibc is not a version");
      }
      if (!names.add(fields.get(0))) {
        throw new CatalogFormatException(number, line, "release listed twice");
      }
      releases.add(
          new DebianRelease(fields.get(0), fields.get(1), Set.of(fields.get(2).split("\\s+"))));
    }
    if (!header) {
      throw new CatalogFormatException(0, "", "no header line " + String.join("\\t", COLUMNS));
    }
    return new DebianReleases(releases);
  }

  /**
   * The release a catalog base image is of, named by its tag: {@code arm64v8/debian:bookworm-slim}
   * is bookworm. Empty for an image without a tag or of a release not listed.
   */
  public Optional<DebianRelease> releaseOf(String baseImage) {
    int tag = Target.tagStart(baseImage);
    if (tag < 0) {
      return Optional.empty();
    }
    String name = baseImage.substring(tag).split("-", 2)[0];
    return releases.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * The release whose base image meets a glibc floor for a target: the release of its catalog image
   * when that one's glibc is at most {@code floor} (no change), else the newest release with a
   * glibc at most {@code floor} that has an image for the target's Debian architecture. Empty when
   * there is none (see {@link #oldest}).
   *
   * @param floor the oldest glibc the outputs must run on, a dotted version ({@code 2.31})
   */
  public Optional<DebianRelease> pick(Target target, String floor) {
    Optional<DebianRelease> current = releaseOf(target.baseImage());
    if (current.isPresent() && compareGlibc(current.get().glibc(), floor) <= 0) {
      return current;
    }
    for (int i = releases.size() - 1; i >= 0; i--) {
      DebianRelease release = releases.get(i);
      if (release.publishes(target.debianArch()) && compareGlibc(release.glibc(), floor) <= 0) {
        return Optional.of(release);
      }
    }
    return Optional.empty();
  }

  /**
   * The release with the lowest glibc that has an image for the target's Debian architecture: its
   * glibc is the lowest floor {@link #pick} can meet. Empty for a target no release has images for.
   */
  public Optional<DebianRelease> oldest(Target target) {
    return releases.stream().filter(r -> r.publishes(target.debianArch())).findFirst();
  }

  /** Every release, oldest glibc first. */
  public List<DebianRelease> all() {
    return releases;
  }

  /**
   * Numeric compare of dotted glibc versions, part by part: {@code 2.9 < 2.17 < 2.36}; a missing
   * part counts as 0. (The audit has its own: the two rooms may not use each other.)
   *
   * @throws NumberFormatException when a part is not a number
   */
  public static int compareGlibc(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      int order =
          Long.compare(
              i < left.length ? Long.parseLong(left[i]) : 0,
              i < right.length ? Long.parseLong(right[i]) : 0);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
