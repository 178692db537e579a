package dev.crossbuild.maven;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.stage.CollectedArchives;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Takes the targets' archives that were built elsewhere, e.g. by the generated workflow's build
 * legs and downloaded into {@code target/cross/}, as if this machine had built them: checks that
 * every configured target's {@code <artifactId>-<version>-<classifier>} archive is there (one each,
 * of the project's version), attaches each to the project with its classifier, and with {@code
 * <nativeResources>} unpacks each into {@code target/classes/<nativeResourcePath>/<classifier>/} so
 * that the jar holds every platform's library. Run it before the lifecycle, e.g. {@code mvn
 * cross:collect verify} or {@code mvn cross:collect deploy}: the tests, the jar, {@code install}
 * and {@code deploy} then carry every platform. Nothing is built and no container engine is needed.
 *
 * @since 0.1.0
 */
@Mojo(name = "collect", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class CollectMojo extends AbstractCrossMojo {

  /**
   * Unpacks each target's archive into the project's classes directory under {@code
   * <nativeResourcePath>/<classifier>/}, so that the jar holds the native library of every target
   * (the multi-platform JNI jar); a target's {@code <nativeResourceDir>} puts its files elsewhere.
   * The same setting as {@code cross:build}'s.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.nativeResources", defaultValue = "false")
  protected boolean nativeResources;

  /**
   * Where {@code <nativeResources>} puts each target's files inside the jar, in a directory named
   * by its classifier, e.g. {@code META-INF/native/linux-aarch_64/libhello.so}. A relative path
   * inside the classes directory. The same setting as {@code cross:build}'s.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.nativeResourcePath", defaultValue = "META-INF/native")
  protected String nativeResourcePath;

  /**
   * Skips this goal only ({@code cross.skip} skips every goal). Default {@code false}; property
   * {@code cross.collect.skip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.collect.skip", defaultValue = "false")
  protected boolean skipCollect;

  private final MavenProjectHelper projectHelper;

  @Inject
  public CollectMojo(MavenProjectHelper projectHelper) {
    this.projectHelper = projectHelper;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (Skip.skipped(getLog(), "collect", skip, "cross.collect.skip", skipCollect)) {
      return;
    }
    CrossConfig config = config(false);
    List<CollectedArchives.Collected> archives;
    try {
      archives = CollectedArchives.find(config);
    } catch (CollectedArchives.CollectException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + config.outputDir() + ": " + e, e);
    }
    for (CollectedArchives.Collected c : archives) {
      getLog()
          .info(
              "["
                  + c.target().triple().value()
                  + "] "
                  + c.archive().getFileName()
                  + " attached as "
                  + c.target().classifier());
      projectHelper.attachArtifact(
          project, c.format().type(), c.target().classifier(), c.archive().toFile());
    }
    if (nativeResources) {
      Path classes = Path.of(project.getBuild().getOutputDirectory());
      try {
        List<String> written =
            CollectedArchives.unpack(
                archives, classes, nativeResourcePath, config.nativeResourceDirs());
        getLog().info("Native resources in " + classes + ": " + String.join(", ", written));
      } catch (IllegalArgumentException e) {
        throw Advice.nativeResourcePath(nativeResourcePath, e);
      } catch (EngineException e) { // the safe extractor refused an entry
        throw new MojoFailureException(
            "An archive in "
                + config.outputDir()
                + " cannot be unpacked: "
                + e.getMessage()
                + ". Build it again with cross:build; never unpack an archive you did not build.",
            e);
      } catch (IOException e) {
        throw new MojoExecutionException(
            "Cannot unpack the archives into " + classes + ": " + e, e);
      }
    }
    getLog()
        .info(
            "Collected "
                + archives.size()
                + " archive(s) for "
                + String.join(", ", archives.stream().map(c -> c.target().classifier()).toList()));
  }
}
