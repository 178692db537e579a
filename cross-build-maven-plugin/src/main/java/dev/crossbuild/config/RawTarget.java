package dev.crossbuild.config;

/**
 * A {@code <target>} as written in the POM, not yet checked. Only {@code triple} is required.
 *
 * @param triple the target triple
 * @param strategy {@code native}, {@code cross}, {@code emulated} or {@code host}, or null to
 *     choose
 * @param builder a {@code <builder>} id to build it on, or null for any
 * @param image base image for it, or null for the catalog's
 * @param classifier classifier of its archive, or null for the catalog's
 * @param smokeTest its own {@code <smokeTest>} (empty: none), or null for the plugin's
 * @param nativeResourceDir where its outputs go in the classes with native resources on, instead of
 *     {@code <nativeResourcePath>/<classifier>}, or null
 * @param glibc its own {@code <glibc>} (the glibc its outputs must run on), over the plugin's, or
 *     null
 */
public record RawTarget(
    String triple,
    String strategy,
    String builder,
    String image,
    String classifier,
    String smokeTest,
    String nativeResourceDir,
    String glibc) {

  /** A target without its own glibc floor. */
  public RawTarget(
      String triple,
      String strategy,
      String builder,
      String image,
      String classifier,
      String smokeTest,
      String nativeResourceDir) {
    this(triple, strategy, builder, image, classifier, smokeTest, nativeResourceDir, null);
  }

  /** A target with the default place in the classes. */
  public RawTarget(
      String triple,
      String strategy,
      String builder,
      String image,
      String classifier,
      String smokeTest) {
    this(triple, strategy, builder, image, classifier, smokeTest, null);
  }

  /** A target without its own smoke test. */
  public RawTarget(
      String triple, String strategy, String builder, String image, String classifier) {
    this(triple, strategy, builder, image, classifier, null);
  }

  /** A target given only by its triple. */
  public static RawTarget of(String triple) {
    return new RawTarget(triple, null, null, null, null);
  }
}
