package dev.crossbuild.engine;

import dev.crossbuild.target.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The container engine as the rest of the plugin sees it: a handful of operations on images and
 * containers. {@link DockerJavaEngine} is the only implementation that talks to a real engine;
 * tests use a recording fake.
 */
public interface ContainerEngine extends AutoCloseable {

  /** The endpoint this engine talks to, e.g. {@code unix:///var/run/docker.sock}, for messages. */
  String endpoint();

  /** Engine version, negotiated API version and native platform. */
  EngineInfo info();

  /**
   * Whether the engine still answers, asked after an operation failed: a builder that stopped
   * answering fails its targets at once instead of one operation at a time.
   */
  default boolean answers() {
    try {
      info();
      return true;
    } catch (EngineException e) {
      return false;
    }
  }

  /** The image with this reference or ID, if the engine has it. */
  Optional<ImageInfo> inspectImage(String reference);

  /** Pulls an image of the given platform; fails with {@link EngineException} when it cannot. */
  ImageInfo pullImage(String reference, Platform platform);

  /**
   * Pulls an image of the given platform with credentials for its registry (null: anonymously).
   *
   * @throws RegistryException when the registry refuses, lacks the image or does not answer
   */
  ImageInfo pullImage(String reference, Platform platform, RegistryAuth auth);

  /** Tags an image (ID or reference) as {@code reference}, which has a tag. */
  void tagImage(String image, String reference);

  /**
   * Pushes {@code reference} (which has a tag) to its registry, with credentials (null:
   * anonymously).
   *
   * @throws RegistryException when the registry refuses or does not answer
   */
  void pushImage(String reference, RegistryAuth auth);

  /**
   * Builds an image with the classic build API, streaming the build context as a tar (never held in
   * memory). Each line of the engine's build output goes to {@code log}.
   *
   * @return the ID of the built image
   * @throws ImageBuildException when a build step fails; it carries the tail of the log
   */
  String buildImage(ImageBuild build, Consumer<String> log);

  /**
   * Runs a short-lived container to completion and removes it, whatever happens.
   *
   * @return its exit code and combined output
   */
  RunResult run(String image, Platform platform, List<String> command, Map<String, String> labels);

  /**
   * Runs a container with the environment {@code env} and the contents of {@code files} copied into
   * {@code workdir} first (never bind mounted, so remote engines work too), to completion, and
   * removes it whatever happens.
   *
   * @return its exit code and combined output
   */
  RunResult runWithFiles(
      String image,
      Platform platform,
      List<String> command,
      Map<String, String> labels,
      Map<String, String> env,
      Path files,
      String workdir);

  /** Creates (does not start) a container as {@code spec} says and returns its ID. */
  String createContainer(ContainerSpec spec);

  /**
   * Streams the tar {@code tar} writes into the container (created, not yet started) at {@code
   * path}.
   */
  void copyIn(String containerId, String path, ImageBuild.ContextWriter tar);

  /**
   * Starts a created container and follows its output to its end, each whole line (stdout and
   * stderr alike) to {@code lines}.
   *
   * @return its exit code
   */
  int startAndFollow(String containerId, Consumer<String> lines);

  /** Creates the named volume with these labels, or keeps it when it exists. */
  void createVolume(String name, Map<String, String> labels);

  /** Names of the volumes that carry all of these labels. */
  List<String> listVolumes(Map<String, String> labels);

  /** Removes a volume; no error when it is already gone. */
  void removeVolume(String name);

  /** IDs of the images that carry all of these labels. */
  List<String> listImages(Map<String, String> labels);

  /** Creates (never starts) a container from an image and returns its ID. */
  String createContainer(String image, Map<String, String> labels);

  /**
   * Copies {@code containerPath} out of a container as a tar stream and extracts it safely under
   * {@code destination} (see {@link SafeTarExtractor}).
   *
   * @return the number of bytes of regular files extracted
   */
  long copyOut(String containerId, String containerPath, Path destination, long maxBytes);

  /** Removes a container (forced); no error when it is already gone. */
  void removeContainer(String containerId);

  /**
   * Removes an image (forced); no error when it is already gone or still the parent of another
   * image.
   */
  void removeImage(String reference);

  /** IDs of the containers (running or not) that carry all of these labels. */
  List<String> listContainers(Map<String, String> labels);

  @Override
  void close();
}
