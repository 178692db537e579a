package dev.crossbuild.actions.runners;

import java.util.regex.Pattern;

/**
 * An action pinned to the commit of a release.
 *
 * @param action {@code owner/repo}
 * @param commit the full 40-hex commit SHA
 * @param version the release tag the commit belongs to, e.g. {@code v4.2.2}
 */
public record PinnedAction(String action, String commit, String version) {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+");

  public PinnedAction {
    if (!SHA.matcher(commit).matches()) {
      throw new IllegalArgumentException("Pin of " + action + " is not a 40-hex commit: " + commit);
    }
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("Pin of " + action + " has no vX.Y.Z version: " + version);
    }
  }

  /** The value of {@code uses:}. */
  public String uses() {
    return action + "@" + commit;
  }

  /**
   * The value of {@code uses:} for the action in {@code directory} of the repository, e.g. {@code
   * restore}.
   */
  public String uses(String directory) {
    return action + "/" + directory + "@" + commit;
  }
}
