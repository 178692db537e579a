package dev.crossbuild.config;

import dev.crossbuild.recipe.RecipeOverrides;
import java.nio.file.Path;
import java.util.List;

/**
 * The POM's parameters as given, before any check: the mojo fills this in and nothing else.
 *
 * @param projectDir project base directory
 * @param artifactId project artifactId
 * @param version project version
 * @param outputDir output directory ({@code <outputDirectory>})
 * @param targets {@code <targets>}
 * @param targetSelection {@code -Dcross.targets}, comma separated, or null
 * @param recipeOverrides {@code <recipe>} and its fields
 * @param builders {@code <builders>}
 * @param dockerHost {@code -Dcross.dockerHost} for the local builder, or null
 * @param localMaxParallel {@code -Dcross.parallel}: targets built at once on the local builder
 * @param engine {@code -Dcross.engine}: {@code auto} or {@code none}
 * @param force {@code -Dcross.force}
 * @param caCertificates {@code <caCertificates>}: certificate files, relative to the project or
 *     absolute
 * @param outputRules the epoch, {@code <glibcMax>} and {@code <smokeTest>} as given
 * @param cache {@code <cache>} with the {@code -Dcross.cache.*} properties over it, or null
 */
public record RawConfig(
    Path projectDir,
    String artifactId,
    String version,
    Path outputDir,
    List<RawTarget> targets,
    String targetSelection,
    RecipeOverrides recipeOverrides,
    List<RawBuilder> builders,
    String dockerHost,
    int localMaxParallel,
    String engine,
    boolean force,
    List<String> caCertificates,
    RawOutputRules outputRules,
    RawCache cache,
    RawBuildCache buildCache) {

  /**
   * {@code <buildCache>}, {@code <buildCacheDirectory>} and {@code <buildCacheMaxSize>} as given
   * (null: defaults).
   */
  public record RawBuildCache(String mode, String directory, String maxSize) {}

  /** Parameters with the default build cache. */
  public RawConfig(
      Path projectDir,
      String artifactId,
      String version,
      Path outputDir,
      List<RawTarget> targets,
      String targetSelection,
      RecipeOverrides recipeOverrides,
      List<RawBuilder> builders,
      String dockerHost,
      int localMaxParallel,
      String engine,
      boolean force,
      List<String> caCertificates,
      RawOutputRules outputRules,
      RawCache cache) {
    this(
        projectDir,
        artifactId,
        version,
        outputDir,
        targets,
        targetSelection,
        recipeOverrides,
        builders,
        dockerHost,
        localMaxParallel,
        engine,
        force,
        caCertificates,
        outputRules,
        cache,
        null);
  }

  public RawConfig {
    outputRules = outputRules == null ? RawOutputRules.none() : outputRules;
    targets = targets == null ? List.of() : List.copyOf(targets);
    builders = builders == null ? List.of() : List.copyOf(builders);
    caCertificates = caCertificates == null ? List.of() : List.copyOf(caCertificates);
  }

  /** Parameters without extra CA certificates. */
  public RawConfig(
      Path projectDir,
      String artifactId,
      String version,
      Path outputDir,
      List<RawTarget> targets,
      String targetSelection,
      RecipeOverrides recipeOverrides,
      List<RawBuilder> builders,
      String dockerHost,
      int localMaxParallel,
      String engine,
      boolean force) {
    this(
        projectDir,
        artifactId,
        version,
        outputDir,
        targets,
        targetSelection,
        recipeOverrides,
        builders,
        dockerHost,
        localMaxParallel,
        engine,
        force,
        List.of(),
        null,
        null);
  }

  /** Parameters without output rules. */
  public RawConfig(
      Path projectDir,
      String artifactId,
      String version,
      Path outputDir,
      List<RawTarget> targets,
      String targetSelection,
      RecipeOverrides recipeOverrides,
      List<RawBuilder> builders,
      String dockerHost,
      int localMaxParallel,
      String engine,
      boolean force,
      List<String> caCertificates) {
    this(
        projectDir,
        artifactId,
        version,
        outputDir,
        targets,
        targetSelection,
        recipeOverrides,
        builders,
        dockerHost,
        localMaxParallel,
        engine,
        force,
        caCertificates,
        null,
        null);
  }

  /** Parameters without a cache. */
  public RawConfig(
      Path projectDir,
      String artifactId,
      String version,
      Path outputDir,
      List<RawTarget> targets,
      String targetSelection,
      RecipeOverrides recipeOverrides,
      List<RawBuilder> builders,
      String dockerHost,
      int localMaxParallel,
      String engine,
      boolean force,
      List<String> caCertificates,
      RawOutputRules outputRules) {
    this(
        projectDir,
        artifactId,
        version,
        outputDir,
        targets,
        targetSelection,
        recipeOverrides,
        builders,
        dockerHost,
        localMaxParallel,
        engine,
        force,
        caCertificates,
        outputRules,
        null);
  }

  /** A {@code <builder>} as written. */
  public record RawBuilder(
      String id, String host, Boolean tlsVerify, String certPath, Integer maxParallel) {}
}
