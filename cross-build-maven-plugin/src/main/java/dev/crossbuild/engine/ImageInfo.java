package dev.crossbuild.engine;

import dev.crossbuild.target.Platform;
import java.util.Map;

/**
 * An image as the engine reports it.
 *
 * @param id the image ID ({@code sha256:...}), stable for identical content
 * @param platform the platform recorded in the image config
 * @param labels the labels in the image config
 */
public record ImageInfo(String id, Platform platform, Map<String, String> labels) {

  public ImageInfo {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** An image without labels. */
  public ImageInfo(String id, Platform platform) {
    this(id, platform, Map.of());
  }
}
