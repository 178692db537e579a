package dev.crossbuild.release;

import java.util.List;

/**
 * After uploading, the release still lacks some assets (or holds them with the wrong size); it
 * stays a draft.
 */
public class IncompleteReleaseException extends RuntimeException {

  private final String tag;
  private final List<String> missing;

  public IncompleteReleaseException(String tag, List<String> missing) {
    super(
        "Release "
            + tag
            + " is incomplete after uploading; missing or wrong: "
            + String.join(", ", missing)
            + ". It was left unpublished; run the goal again");
    this.tag = tag;
    this.missing = List.copyOf(missing);
  }

  public String tag() {
    return tag;
  }

  public List<String> missing() {
    return missing;
  }
}
