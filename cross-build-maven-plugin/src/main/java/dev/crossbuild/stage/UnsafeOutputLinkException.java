package dev.crossbuild.stage;

import java.io.IOException;

/**
 * A symbolic link among a target's outputs that would not work once its archive is unpacked
 * elsewhere: it dangles, is absolute, or points out of the outputs.
 */
public final class UnsafeOutputLinkException extends IOException {

  private final String link;
  private final String linkTarget;

  UnsafeOutputLinkException(String link, String linkTarget, String problem) {
    super(
        "Output link "
            + link
            + " -> "
            + linkTarget
            + " "
            + problem
            + ", so it would not work once the"
            + " archive is unpacked. Make the build collect the file itself, or a link relative to its directory"
            + " that points to another collected file.");
    this.link = link;
    this.linkTarget = linkTarget;
  }

  /** The link's path, relative to the output directory. */
  public String link() {
    return link;
  }

  /** Where the link points, as written in it. */
  public String linkTarget() {
    return linkTarget;
  }
}
