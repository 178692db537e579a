package dev.crossbuild.config;

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
 */
public record OutputRules(
    long sourceDateEpoch,
    String epochSource,
    String glibcMax,
    String smokeTest,
    Map<String, String> smokeTests,
    List<String> smokePackages,
    List<String> smokeFiles) {

  /**
   * 1980-01-01T00:00:00Z: the epoch when neither SOURCE_DATE_EPOCH nor a commit is known (zip needs
   * >= 1980).
   */
  public static final long FIXED_EPOCH = 315532800L;

  public OutputRules {
    smokeTests = smokeTests == null ? Map.of() : Map.copyOf(smokeTests);
    smokePackages = smokePackages == null ? List.of() : List.copyOf(smokePackages);
    smokeFiles = smokeFiles == null ? List.of() : List.copyOf(smokeFiles);
  }

  /** No ceiling, no smoke test, the fixed epoch. */
  public static OutputRules defaults() {
    return new OutputRules(FIXED_EPOCH, "a fixed date", null, null, Map.of(), List.of(), List.of());
  }

  /** The smoke test command of a target, or null when it has none. */
  public String smokeTestFor(String triple) {
    String command = smokeTests.getOrDefault(triple, smokeTest);
    return command == null || command.isBlank() ? null : command.strip();
  }
}
