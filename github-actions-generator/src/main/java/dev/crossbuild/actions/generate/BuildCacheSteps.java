package dev.crossbuild.actions.generate;

import dev.crossbuild.actions.model.Step;
import dev.crossbuild.actions.runners.PinnedActions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build cache in directory mode on GitHub: a runner's disk dies with the run, so each Linux leg
 * restores its target's cache directory from the GitHub cache right before the build and saves it
 * right after. The key holds the commit, and a commit without an entry restores the newest entry of
 * its target by prefix. macOS and Windows legs build on the host, without the container the cache
 * is mounted into: they skip both.
 */
final class BuildCacheSteps {
  static final String RESTORE_ID = "build-cache";
  static final String RESTORE_NAME = "Restore the build cache";
  static final String SAVE_NAME = "Save the build cache";
  static final String DEFAULT_DIRECTORY = "~/.cache/cross-build/";
  private static final String LINUX = "runner.os == 'Linux'";
  private static final String TARGET = "${{ matrix.target }}";

  private BuildCacheSteps() {}

  /** What the legs pass so that the build mounts the directory the steps restore and save. */
  static List<String> legArguments(DirectoryBuildCache cache) {
    List<String> arguments = new ArrayList<>(List.of("-Dcross.buildCache=directory"));
    if (cache.directory() != null) {
      arguments.add("-Dcross.buildCacheDirectory=" + cache.directory());
    }
    return arguments;
  }

  static Step restore(CommonSteps common, DirectoryBuildCache cache) {
    Map<String, Object> with = new LinkedHashMap<>();
    with.put("path", path(cache));
    with.put("key", keyPrefix(cache) + "${{ github.sha }}");
    with.put("restore-keys", keyPrefix(cache));
    return common
        .use(RESTORE_NAME, PinnedActions.CACHE, "restore", with)
        .withId(RESTORE_ID)
        .when(LINUX);
  }

  /**
   * The save after the build; without a status function in its {@code if:} it runs only when the
   * build succeeded. A run whose commit already had an entry skips it: entries cannot be
   * overwritten.
   *
   * @param everyEvent whether the job runs for every event; then only pushes save, as in the split
   *     layout
   */
  static Step save(CommonSteps common, DirectoryBuildCache cache, boolean everyEvent) {
    Map<String, Object> with = new LinkedHashMap<>();
    with.put("path", path(cache));
    with.put("key", keyPrefix(cache) + "${{ github.sha }}");
    String condition =
        LINUX
            + (everyEvent ? " && " + WorkflowGenerator.PUSH_EVENT : "")
            + " && steps."
            + RESTORE_ID
            + ".outputs.cache-hit != 'true'";
    return common.use(SAVE_NAME, PinnedActions.CACHE, "save", with).when(condition);
  }

  /**
   * The target's directory, as the plugin resolves it on the runner: {@code <directory>/<triple>}.
   */
  static String path(DirectoryBuildCache cache) {
    String directory =
        cache.directory() == null
            ? DEFAULT_DIRECTORY + cache.artifactId()
            : cache.directory().replaceAll("(?<=.)/+$", "");
    return directory + "/" + TARGET;
  }

  static String keyPrefix(DirectoryBuildCache cache) {
    return "cross-build-" + cache.artifactId() + "-" + TARGET + "-";
  }
}
