package dev.crossbuild.maven;

import dev.crossbuild.config.RawCache;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawOutputRules;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.recipe.RecipeOverrides;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one place that maps the parameters of {@code cross:plan}, {@code cross:build}, {@code
 * cross:collect} and {@code cross:clean} to the config layer's {@link RawConfig}.
 *
 * <p>Each setter takes the parameter of its name, as Maven bound it; {@link #sourceDateEpoch} and
 * {@link #commitTime} take what the environment and git say. What is not set stays null (false, 0).
 * Nothing is checked here: {@link dev.crossbuild.config.ConfigResolver} checks the result.
 */
final class RawConfigs {
  private final Path projectDir;
  private final String artifactId;
  private final String version;
  private Path outputDirectory;
  private List<TargetParameter> targets;
  private String targetSelection;
  private String recipe;
  private List<String> setup;
  private List<String> buildTools;
  private List<String> setupCommands;
  private List<String> manifests;
  private String depsCommand;
  private String buildCommand;
  private List<String> artifacts;
  private Map<String, String> env;
  private String image;
  private List<BuilderParameter> builders;
  private String dockerHost;
  private int parallel;
  private String engine;
  private boolean force;
  private List<String> caCertificates;
  private String sourceDateEpoch;
  private Long commitTime;
  private String glibcMax;
  private String glibc;
  private String neededLibraries;
  private String smokeTest;
  private List<String> smokePackages;
  private List<String> smokeFiles;
  private RawCache cache;
  private String buildCache;
  private String buildCacheDirectory;
  private String buildCacheMaxSize;

  private RawConfigs(Path projectDir, String artifactId, String version) {
    this.projectDir = projectDir;
    this.artifactId = artifactId;
    this.version = version;
  }

  /** The parameters of the project with this base directory, artifactId and version. */
  static RawConfigs forProject(Path projectDir, String artifactId, String version) {
    return new RawConfigs(projectDir, artifactId, version);
  }

  /** The parameters as the config layer takes them; targets and builders field by field. */
  RawConfig toRawConfig() {
    return new RawConfig(
        projectDir,
        artifactId,
        version,
        outputDirectory,
        targets == null ? List.of() : targets.stream().map(RawConfigs::rawTarget).toList(),
        targetSelection,
        new RecipeOverrides(
            recipe,
            setup,
            buildTools,
            setupCommands,
            manifests,
            depsCommand,
            buildCommand,
            artifacts,
            env,
            image),
        builders == null ? List.of() : builders.stream().map(RawConfigs::rawBuilder).toList(),
        dockerHost,
        parallel,
        engine,
        force,
        caCertificates,
        new RawOutputRules(
            sourceDateEpoch,
            commitTime,
            glibcMax,
            smokeTest,
            smokePackages,
            smokeFiles,
            glibc,
            neededLibraries),
        cache,
        new RawConfig.RawBuildCache(buildCache, buildCacheDirectory, buildCacheMaxSize));
  }

  private static RawTarget rawTarget(TargetParameter t) {
    return new RawTarget(
        t.getTriple(),
        t.getStrategy(),
        t.getBuilder(),
        t.getImage(),
        t.getClassifier(),
        t.getSmokeTest(),
        t.getNativeResourceDir(),
        t.getGlibc());
  }

  private static RawConfig.RawBuilder rawBuilder(BuilderParameter b) {
    return new RawConfig.RawBuilder(
        b.getId(), b.getHost(), b.getTlsVerify(), b.getCertPath(), b.getMaxParallel());
  }

  RawConfigs outputDirectory(Path value) {
    outputDirectory = value;
    return this;
  }

  RawConfigs targets(List<TargetParameter> value) {
    targets = value;
    return this;
  }

  RawConfigs targetSelection(String value) {
    targetSelection = value;
    return this;
  }

  RawConfigs recipe(String value) {
    recipe = value;
    return this;
  }

  RawConfigs setup(List<String> value) {
    setup = value;
    return this;
  }

  RawConfigs buildTools(List<String> value) {
    buildTools = value;
    return this;
  }

  RawConfigs setupCommands(List<String> value) {
    setupCommands = value;
    return this;
  }

  RawConfigs manifests(List<String> value) {
    manifests = value;
    return this;
  }

  RawConfigs depsCommand(String value) {
    depsCommand = value;
    return this;
  }

  RawConfigs buildCommand(String value) {
    buildCommand = value;
    return this;
  }

  RawConfigs artifacts(List<String> value) {
    artifacts = value;
    return this;
  }

  RawConfigs env(Map<String, String> value) {
    env = value;
    return this;
  }

  RawConfigs image(String value) {
    image = value;
    return this;
  }

  RawConfigs builders(List<BuilderParameter> value) {
    builders = value;
    return this;
  }

  RawConfigs dockerHost(String value) {
    dockerHost = value;
    return this;
  }

  RawConfigs parallel(int value) {
    parallel = value;
    return this;
  }

  RawConfigs engine(String value) {
    engine = value;
    return this;
  }

  /** {@code cross:build}'s {@code <force>}; the other goals never force. */
  RawConfigs force(boolean value) {
    force = value;
    return this;
  }

  RawConfigs caCertificates(List<String> value) {
    caCertificates = value;
    return this;
  }

  /** The {@code SOURCE_DATE_EPOCH} environment variable, or null. */
  RawConfigs sourceDateEpoch(String value) {
    sourceDateEpoch = value;
    return this;
  }

  /** The commit time of HEAD in seconds since 1970, or null outside git. */
  RawConfigs commitTime(Long value) {
    commitTime = value;
    return this;
  }

  RawConfigs glibcMax(String value) {
    glibcMax = value;
    return this;
  }

  RawConfigs neededLibraries(String value) {
    neededLibraries = value;
    return this;
  }

  RawConfigs glibc(String value) {
    glibc = value;
    return this;
  }

  RawConfigs smokeTest(String value) {
    smokeTest = value;
    return this;
  }

  RawConfigs smokePackages(List<String> value) {
    smokePackages = value;
    return this;
  }

  RawConfigs smokeFiles(List<String> value) {
    smokeFiles = value;
    return this;
  }

  /** {@code <cache>} with the {@code -Dcross.cache.*} properties over it, or null. */
  RawConfigs cache(RawCache value) {
    cache = value;
    return this;
  }

  RawConfigs buildCache(String value) {
    buildCache = value;
    return this;
  }

  RawConfigs buildCacheDirectory(String value) {
    buildCacheDirectory = value;
    return this;
  }

  RawConfigs buildCacheMaxSize(String value) {
    buildCacheMaxSize = value;
    return this;
  }
}
