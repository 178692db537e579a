package dev.crossbuild.maven;

import dev.crossbuild.config.BuildCacheConfig;
import dev.crossbuild.config.BuilderConfig;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.stage.ProjectCleaner;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.TargetCatalog;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes the project's build caches (the {@code <buildCache>} volumes on every builder, and the
 * build cache directory on this machine), its leftover containers and source images. With {@code
 * -Dcross.clean.deps=true} its deps images go too, so the next build starts from the base images
 * (or pulls from {@code <cache>}). Only what carries the plugin's labels for this project is
 * removed. {@code target/cross} is {@code mvn clean}'s.
 *
 * @since 0.1.0
 */
@Mojo(name = "clean", threadSafe = true)
public class CleanMojo extends AbstractCrossMojo {

  /**
   * Also removes the project's deps images.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.clean.deps", defaultValue = "false")
  protected boolean deps;

  /**
   * Skips this goal only ({@code -Dcross.skip=true} skips every goal).
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.clean.skip", defaultValue = "false")
  protected boolean skipClean;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (Skip.skipped(getLog(), "clean", skip, "cross.clean.skip", skipClean)) {
      return;
    }
    CrossConfig config = config(false);
    ContainerEngine local = null;
    try {
      for (BuilderConfig builder : config.builders()) {
        ContainerEngine engine = connect(builder);
        if (builder.id().equals("local")) {
          local = engine;
        }
        ProjectCleaner.Removed removed = ProjectCleaner.clean(engine, config.imageName(), deps);
        getLog()
            .info(
                "Builder '"
                    + builder.id()
                    + "' ("
                    + engine.endpoint()
                    + "): removed "
                    + removed.volumes()
                    + " build cache volume(s), "
                    + removed.containers()
                    + " container(s), "
                    + removed.images()
                    + (deps ? " source and deps image(s)" : " source image(s)")
                    + (deps ? "" : "; deps images kept (-Dcross.clean.deps=true removes them)"));
        if (engine != local) {
          engine.close();
        }
      }
      Path dir = buildCacheDirectory(config);
      Platform platform = local == null ? null : local.info().nativePlatform();
      String image = platform == null ? null : TargetCatalog.builtIn().baseImageFor(platform);
      if (ProjectCleaner.deleteDirectory(
          dir, image == null ? null : local, image, platform, config.imageName(), getLog()::info)) {
        getLog().info("Removed the build cache directory " + dir);
      }
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot remove the build cache directory: " + e.getMessage(), e);
    } catch (EngineException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw failure(e);
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }

  /** The directory mode's directory, configured or default, whatever the mode is now. */
  private Path buildCacheDirectory(CrossConfig config) {
    BuildCacheConfig cache = config.buildCache();
    return cache.directory() != null
        ? cache.directory()
        : BuildCacheConfig.defaultDirectory(project.getArtifactId());
  }
}
