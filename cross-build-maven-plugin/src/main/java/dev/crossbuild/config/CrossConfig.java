package dev.crossbuild.config;

import dev.crossbuild.recipe.Recipe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a cross build needs, checked and immutable. Made by {@link ConfigResolver} from the
 * POM's parameters.
 *
 * @param projectDir the project's base directory (the build context)
 * @param imageName lower-case name the images are tagged with (from the artifactId)
 * @param artifactId artifactId, for archive names
 * @param version project version, for archive names
 * @param targets the targets to build, in order
 * @param recipe the recipe, preset and overrides merged
 * @param builders the builders: {@code local} first (unless the engine is disabled), then the POM's
 * @param outputDir where outputs and archives go ({@code target/cross})
 * @param useEngine false when {@code -Dcross.engine=none}: only host builds
 * @param force rebuild even when nothing changed
 * @param imageOverrides per-target {@code <image>}: triple -> base image to use instead of the
 *     default
 * @param caCertificates extra CA certificates for every image, or null
 * @param outputRules the archives' epoch, the glibc ceiling and the smoke test
 * @param cache the registry cache for deps images, or null
 * @param buildCache where the source stage's compiler cache lives between builds
 * @param nativeResourceDirs per-target {@code <nativeResourceDir>}: triple -> directory in the
 *     classes (clean)
 */
public record CrossConfig(
    Path projectDir,
    String imageName,
    String artifactId,
    String version,
    List<TargetRequest> targets,
    Recipe recipe,
    List<BuilderConfig> builders,
    Path outputDir,
    boolean useEngine,
    boolean force,
    Map<String, String> imageOverrides,
    CaCertificates caCertificates,
    OutputRules outputRules,
    CacheConfig cache,
    BuildCacheConfig buildCache,
    Map<String, String> nativeResourceDirs) {

  public CrossConfig {
    Objects.requireNonNull(projectDir, "projectDir");
    targets = List.copyOf(targets);
    builders = List.copyOf(builders);
    Objects.requireNonNull(recipe, "recipe");
    Objects.requireNonNull(outputDir, "outputDir");
    imageOverrides = imageOverrides == null ? Map.of() : Map.copyOf(imageOverrides);
    outputRules = outputRules == null ? OutputRules.defaults() : outputRules;
    buildCache = buildCache == null ? BuildCacheConfig.none() : buildCache;
    nativeResourceDirs = nativeResourceDirs == null ? Map.of() : Map.copyOf(nativeResourceDirs);
  }
}
