package dev.crossbuild.release;

import java.util.List;

/**
 * A published release already holds assets whose content differs from the local files. Replacing
 * them would change what users may already have downloaded, so nothing is changed.
 */
public class PublishedAssetConflictException extends RuntimeException {

  private final String tag;
  private final List<String> assets;

  public PublishedAssetConflictException(String tag, List<String> assets) {
    super(
        "Release "
            + tag
            + " is already published and its asset"
            + (assets.size() == 1 ? " " : "s ")
            + String.join(", ", assets)
            + " differ"
            + (assets.size() == 1 ? "s" : "")
            + " from the local file"
            + (assets.size() == 1 ? "" : "s")
            + "; a published asset is never replaced. Nothing was changed. Rebuild the exact tagged sources,"
            + " or release a new tag");
    this.tag = tag;
    this.assets = List.copyOf(assets);
  }

  public String tag() {
    return tag;
  }

  public List<String> assets() {
    return assets;
  }
}
