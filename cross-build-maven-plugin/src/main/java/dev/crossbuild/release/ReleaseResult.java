package dev.crossbuild.release;

import java.util.List;

/**
 * What a release run did, or in a dry run would do.
 *
 * @param tag the tag released
 * @param releaseUrl the release page, {@code null} when a dry run found no release
 * @param dryRun whether nothing was written
 * @param created whether a draft release was created
 * @param uploaded assets uploaded that were not there
 * @param replaced assets of a draft deleted and uploaded again because their content differed
 * @param skipped assets already there with the same size and SHA-256
 * @param published whether this run made the release public
 * @param wasPublished whether the release was already public before this run
 */
public record ReleaseResult(
    String tag,
    String releaseUrl,
    boolean dryRun,
    boolean created,
    List<String> uploaded,
    List<String> replaced,
    List<String> skipped,
    boolean published,
    boolean wasPublished) {

  public ReleaseResult {
    uploaded = List.copyOf(uploaded);
    replaced = List.copyOf(replaced);
    skipped = List.copyOf(skipped);
  }

  /** Whether the run changed (or would change) nothing on GitHub. */
  public boolean unchanged() {
    return !created && uploaded.isEmpty() && replaced.isEmpty() && !published;
  }

  /**
   * One line for the build log, e.g. {@code v1.2.3: created draft, uploaded 3, replaced 0, skipped
   * 0, published}.
   */
  public String summary() {
    String verb = dryRun ? "would be " : "";
    return tag
        + (dryRun ? " (dry run)" : "")
        + ": "
        + (created ? verb + "created as draft, " : "")
        + uploaded.size()
        + " "
        + verb
        + "uploaded, "
        + replaced.size()
        + " "
        + verb
        + "replaced, "
        + skipped.size()
        + " already there"
        + (published
            ? ", " + verb + "published"
            : wasPublished ? ", already published" : ", left as draft")
        + (releaseUrl == null ? "" : " - " + releaseUrl);
  }
}
