package dev.crossbuild.stage;

import dev.crossbuild.engine.EngineException;
import dev.crossbuild.target.Platform;

/**
 * The configuration gives a target no base image that can work: a mistake in the settings, not an
 * engine failure. The target fails as on any engine error; the message states the fact, and the
 * maven room says which setting to change.
 */
public class BaseImageException extends EngineException {

  /** What is wrong with the base image. */
  public enum Reason {
    /** The image template holds {@code {repo}}, but no per-architecture repository is known. */
    NO_REPOSITORY_FOR_TEMPLATE,
    /** Neither the configuration nor the catalog names a base image for the platform. */
    NONE_KNOWN,
    /** The base image holds another platform than the build needs. */
    OTHER_PLATFORM
  }

  private final Reason reason;
  private final String triple;
  private final Platform platform;
  private final String image;
  private final Platform imagePlatform;

  private BaseImageException(
      String message,
      Reason reason,
      String triple,
      Platform platform,
      String image,
      Platform imagePlatform) {
    super(message);
    this.reason = reason;
    this.triple = triple;
    this.platform = platform;
    this.image = image;
    this.imagePlatform = imagePlatform;
  }

  public static BaseImageException noRepositoryFor(
      String triple, Platform platform, String template) {
    return new BaseImageException(
        "No per-architecture repository is known for "
            + platform
            + " to fill {repo} in "
            + template
            + ".",
        Reason.NO_REPOSITORY_FOR_TEMPLATE,
        triple,
        platform,
        template,
        null);
  }

  public static BaseImageException noneKnown(String triple, Platform platform) {
    return new BaseImageException(
        "No base image is known for " + platform + ".",
        Reason.NONE_KNOWN,
        triple,
        platform,
        null,
        null);
  }

  public static BaseImageException otherPlatform(
      String triple, Platform platform, String image, Platform imagePlatform) {
    return new BaseImageException(
        "Base image " + image + " is " + imagePlatform + " but this build needs " + platform + ".",
        Reason.OTHER_PLATFORM,
        triple,
        platform,
        image,
        imagePlatform);
  }

  public Reason reason() {
    return reason;
  }

  /** The target whose base image it is. */
  public String triple() {
    return triple;
  }

  /** The platform the build needs the image at. */
  public Platform platform() {
    return platform;
  }

  /** The image template or reference concerned, or null when there is none. */
  public String image() {
    return image;
  }

  /** The platform the image holds, for {@link Reason#OTHER_PLATFORM}; else null. */
  public Platform imagePlatform() {
    return imagePlatform;
  }
}
