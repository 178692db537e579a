package dev.crossbuild.stage;

import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.ContainerSpec;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.target.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code cross:clean}: removes what the plugin made for one project on an engine (its containers,
 * build cache volumes, source images of earlier versions and, when asked, its deps images), and its
 * build cache directory on this machine. Everything is found by the plugin's labels, never by name
 * alone.
 */
public final class ProjectCleaner {

  /** What one engine had. */
  public record Removed(int containers, int volumes, int images) {}

  private ProjectCleaner() {}

  /**
   * Removes the project's containers, cache volumes and source images, and its deps images with
   * {@code deps}.
   */
  public static Removed clean(ContainerEngine engine, String project, boolean deps) {
    List<String> containers = engine.listContainers(Map.of(Labels.PROJECT, project));
    containers.forEach(engine::removeContainer);
    List<String> volumes =
        engine.listVolumes(Map.of(Labels.PROJECT, project, Labels.STAGE, Stages.CACHE));
    volumes.forEach(engine::removeVolume);
    List<String> images =
        new ArrayList<>(
            engine.listImages(Map.of(Labels.PROJECT, project, Labels.STAGE, Stages.SOURCE)));
    if (deps) {
      images.addAll(engine.listImages(Map.of(Labels.PROJECT, project, Labels.STAGE, Stages.DEPS)));
    }
    images.forEach(engine::removeImage);
    return new Removed(containers.size(), volumes.size(), images.size());
  }

  /**
   * Deletes a build cache directory. Files the build containers wrote as root that this user cannot
   * delete are deleted by a container of {@code image} that mounts the directory.
   *
   * @return whether the directory existed
   */
  public static boolean deleteDirectory(
      Path dir,
      ContainerEngine engine,
      String image,
      Platform platform,
      String project,
      Consumer<String> log)
      throws IOException {
    if (!Files.exists(dir)) {
      return false;
    }
    try {
      NativeResources.deleteTree(dir);
    } catch (IOException e) {
      if (engine == null) {
        throw e;
      }
      log.accept(
          "Cannot delete every file of "
              + dir
              + " as this user ("
              + e.getMessage()
              + "): deleting them"
              + " in a container");
      String id =
          engine.createContainer(
              new ContainerSpec(
                  image,
                  platform,
                  List.of("sh", "-c", "find /cache -mindepth 1 -delete"),
                  Labels.container(project, "clean", Stages.CLEAN),
                  Map.of(),
                  "/",
                  List.of(ContainerSpec.Mount.directory(dir, "/cache"))));
      try {
        int exit = engine.startAndFollow(id, log);
        if (exit != 0) {
          throw new EngineException(
              "Deleting the contents of " + dir + " in a container exited with " + exit);
        }
      } finally {
        engine.removeContainer(id);
      }
      NativeResources.deleteTree(dir);
    }
    return true;
  }
}
