package dev.crossbuild.release;

import dev.crossbuild.git.ReleaseTag;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to release.
 *
 * @param tag the tag and the commit it points at
 * @param artifactsDirectory where the archives are ({@code target/cross})
 * @param dryRun only read from GitHub and report what would be done
 * @param draftOnly upload everything but leave the release a draft
 */
public record ReleaseRequest(
    ReleaseTag tag, Path artifactsDirectory, boolean dryRun, boolean draftOnly) {

  public ReleaseRequest {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(artifactsDirectory, "artifactsDirectory");
  }
}
