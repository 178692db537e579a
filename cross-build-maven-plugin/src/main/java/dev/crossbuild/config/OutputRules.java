package dev.crossbuild.config;

import dev.crossbuild.target.DebianReleases;
import java.util.List;
import java.util.Map;

/**
 * What every target's outputs must satisfy and how they are stamped, checked and immutable.
 *
 * @param sourceDateEpoch seconds since 1970: the one mtime of every archive entry, exported as
 *     {@code SOURCE_DATE_EPOCH} into the source stage
 * @param epochSource where it came from ({@code SOURCE_DATE_EPOCH}, {@code the commit time of
 *     HEAD}, or {@code a fixed date}), for messages
 * @param glibcMax the highest glibc version an output may require ({@code 2.28}), or null for no
 *     ceiling
 * @param smokeTest the command run on the target's platform with the outputs in its working
 *     directory, or null for none
 * @param smokeTests per-target {@code <smokeTest>}: triple -> command (an empty command turns it
 *     off)
 * @param smokePackages Debian packages the smoke test's container needs at run time
 * @param smokeFiles project files or directories (relative to the project) copied beside the
 *     outputs for the smoke test only, keeping their relative paths (test data, compiled test
 *     classes)
 * @param glibcFloors the glibc each target's outputs must run on ({@code <glibc>}, the target's own
 *     over the plugin's): triple -> version, only for the glibc Linux targets that have one
 * @param neededPolicy what a NEEDED library that is neither shipped nor a system library does
 *     ({@code <neededLibraries>}): warn by default
 */
public record OutputRules(
    long sourceDateEpoch,
    String epochSource,
    String glibcMax,
    String smokeTest,
    Map<String, String> smokeTests,
    List<String> smokePackages,
    List<String> smokeFiles,
    Map<String, String> glibcFloors,
    NeededPolicy neededPolicy) {

  /**
   * 1980-01-01T00:00:00Z: the epoch when neither SOURCE_DATE_EPOCH nor a commit is known (zip needs
   * >= 1980).
   */
  public static final long FIXED_EPOCH = 315532800L;

  public OutputRules {
    smokeTests = smokeTests == null ? Map.of() : Map.copyOf(smokeTests);
    smokePackages = smokePackages == null ? List.of() : List.copyOf(smokePackages);
    smokeFiles = smokeFiles == null ? List.of() : List.copyOf(smokeFiles);
    glibcFloors = glibcFloors == null ? Map.of() : Map.copyOf(glibcFloors);
    neededPolicy = neededPolicy == null ? NeededPolicy.WARN : neededPolicy;
  }

  /** Without glibc floors. */
  public OutputRules(
      long sourceDateEpoch,
      String epochSource,
      String glibcMax,
      String smokeTest,
      Map<String, String> smokeTests,
      List<String> smokePackages,
      List<String> smokeFiles) {
    this(
        sourceDateEpoch,
        epochSource,
        glibcMax,
        smokeTest,
        smokeTests,
        smokePackages,
        smokeFiles,
        Map.of(),
        NeededPolicy.WARN);
  }

  /** No ceiling, no smoke test, the fixed epoch. */
  public static OutputRules defaults() {
    return new OutputRules(
        FIXED_EPOCH,
        "a fixed date",
        null,
        null,
        Map.of(),
        List.of(),
        List.of(),
        Map.of(),
        NeededPolicy.WARN);
  }

  /** The smoke test command of a target, or null when it has none. */
  public String smokeTestFor(String triple) {
    String command = smokeTests.getOrDefault(triple, smokeTest);
    return command == null || command.isBlank() ? null : command.strip();
  }

  /**
   * The highest glibc a target's outputs may require: the lower of {@link #glibcMax} and the
   * target's floor ({@link #glibcFloors}), or null when it has neither. The audit checks the
   * outputs against it.
   */
  public String glibcCeiling(String triple) {
    String floor = glibcFloors.get(triple);
    if (glibcMax == null || floor == null) {
      return glibcMax == null ? floor : glibcMax;
    }
    return DebianReleases.compareGlibc(floor, glibcMax) < 0 ? floor : glibcMax;
  }
}
