package dev.crossbuild.config;

import java.util.List;

/**
 * The POM's and the environment's output parameters as given, before any check.
 *
 * @param sourceDateEpoch the {@code SOURCE_DATE_EPOCH} environment variable, or null
 * @param commitTime the commit time of HEAD in seconds since 1970, or null outside git
 * @param glibcMax {@code <glibcMax>} ({@code -Dcross.glibcMax}), or null
 * @param smokeTest {@code <smokeTest>} ({@code -Dcross.smokeTest}), or null
 * @param smokePackages {@code <smokePackages>}
 * @param smokeFiles {@code <smokeFiles>}
 * @param glibc {@code <glibc>} ({@code -Dcross.glibc}): the glibc the outputs must run on, or null
 * @param neededLibraries {@code <neededLibraries>} ({@code -Dcross.neededLibraries}), or null
 */
public record RawOutputRules(
    String sourceDateEpoch,
    Long commitTime,
    String glibcMax,
    String smokeTest,
    List<String> smokePackages,
    List<String> smokeFiles,
    String glibc,
    String neededLibraries) {

  public RawOutputRules {
    smokePackages = smokePackages == null ? List.of() : List.copyOf(smokePackages);
    smokeFiles = smokeFiles == null ? List.of() : List.copyOf(smokeFiles);
  }

  /** Without a policy for unlisted libraries. */
  public RawOutputRules(
      String sourceDateEpoch,
      Long commitTime,
      String glibcMax,
      String smokeTest,
      List<String> smokePackages,
      List<String> smokeFiles,
      String glibc) {
    this(sourceDateEpoch, commitTime, glibcMax, smokeTest, smokePackages, smokeFiles, glibc, null);
  }

  /** Without a glibc floor. */
  public RawOutputRules(
      String sourceDateEpoch,
      Long commitTime,
      String glibcMax,
      String smokeTest,
      List<String> smokePackages,
      List<String> smokeFiles) {
    this(sourceDateEpoch, commitTime, glibcMax, smokeTest, smokePackages, smokeFiles, null);
  }

  /** Without smoke files. */
  public RawOutputRules(
      String sourceDateEpoch,
      Long commitTime,
      String glibcMax,
      String smokeTest,
      List<String> smokePackages) {
    this(sourceDateEpoch, commitTime, glibcMax, smokeTest, smokePackages, List.of());
  }

  /** Nothing given. */
  public static RawOutputRules none() {
    return new RawOutputRules(null, null, null, null, List.of(), List.of(), null, null);
  }
}
