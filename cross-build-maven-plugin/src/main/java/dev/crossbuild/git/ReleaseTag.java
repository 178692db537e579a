package dev.crossbuild.git;

import java.util.Objects;

/**
 * The tag a release is made for.
 *
 * @param name the tag name, e.g. {@code v1.2.3}
 * @param commit the full SHA of the commit it points at (annotated tags peeled), or {@code null}
 *     when the tag was given explicitly and does not exist in the local repository
 */
public record ReleaseTag(String name, String commit) {

  public ReleaseTag {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A tag name must not be blank");
    }
  }
}
