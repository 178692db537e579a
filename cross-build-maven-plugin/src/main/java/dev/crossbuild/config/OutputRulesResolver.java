package dev.crossbuild.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the epoch, {@code <glibcMax>} and the smoke test settings, and takes the glibc floors
 * {@link GlibcFloorResolver} checked; problems join the others.
 */
final class OutputRulesResolver {

  /** A glibc version as {@code <glibcMax>} and {@code <glibc>} take it: {@code 2.28}. */
  static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");

  private OutputRulesResolver() {}

  static OutputRules resolve(
      RawOutputRules raw,
      Map<String, String> smokeTests,
      Map<String, String> glibcFloors,
      List<ConfigProblem> problems) {
    long epoch = OutputRules.FIXED_EPOCH;
    String source = "a fixed date (1980-01-01)";
    String env = raw.sourceDateEpoch() == null ? null : raw.sourceDateEpoch().strip();
    if (env != null && !env.isEmpty()) {
      try {
        epoch = Long.parseLong(env);
        source = "SOURCE_DATE_EPOCH";
        if (epoch < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problems.add(new ConfigProblem.Malformed(ConfigKey.SOURCE_DATE_EPOCH, env, null, null));
      }
    } else if (raw.commitTime() != null) {
      epoch = raw.commitTime();
      source = "the commit time of HEAD";
    }
    String glibcMax =
        raw.glibcMax() == null || raw.glibcMax().isBlank() ? null : raw.glibcMax().strip();
    if (glibcMax != null && !VERSION.matcher(glibcMax).matches()) {
      problems.add(new ConfigProblem.Malformed(ConfigKey.GLIBC_MAX, glibcMax, null, null));
    }
    ConfigResolver.debianPackages(raw.smokePackages(), ConfigKey.SMOKE_PACKAGES, problems);
    String smokeTest =
        raw.smokeTest() == null || raw.smokeTest().isBlank() ? null : raw.smokeTest().strip();
    List<String> smokeFiles = new java.util.ArrayList<>();
    for (String f : raw.smokeFiles()) {
      String file = f == null ? "" : f.strip();
      if (file.isEmpty()) {
        continue;
      }
      if (file.startsWith("/") || java.util.Arrays.asList(file.split("/")).contains("..")) {
        problems.add(new ConfigProblem.Malformed(ConfigKey.SMOKE_FILES, file, null, null));
      } else {
        smokeFiles.add(file);
      }
    }
    NeededPolicy needed = NeededPolicy.WARN;
    if (raw.neededLibraries() != null && !raw.neededLibraries().isBlank()) {
      try {
        needed = NeededPolicy.parse(raw.neededLibraries());
      } catch (IllegalArgumentException e) {
        problems.add(
            new ConfigProblem.Unknown(
                ConfigKey.NEEDED_LIBRARIES,
                raw.neededLibraries().strip(),
                null,
                NeededPolicy.ids()));
      }
    }
    return new OutputRules(
        epoch,
        source,
        glibcMax,
        smokeTest,
        smokeTests,
        raw.smokePackages().stream().map(String::strip).toList(),
        smokeFiles,
        glibcFloors,
        needed);
  }
}
