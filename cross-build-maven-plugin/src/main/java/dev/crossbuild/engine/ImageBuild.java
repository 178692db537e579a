package dev.crossbuild.engine;

import dev.crossbuild.target.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One image build request.
 *
 * @param context writes the build context as an uncompressed tar to the stream it is given; the
 *     stream is piped to the engine, so the context is never held in memory
 * @param dockerfile path of the Dockerfile inside the context
 * @param tags image tags to apply
 * @param platform the platform to build for (the classic builder records it in the image)
 * @param labels labels for the image (and its intermediate containers)
 * @param buildArgs build arguments
 */
public record ImageBuild(
    ContextWriter context,
    String dockerfile,
    List<String> tags,
    Platform platform,
    Map<String, String> labels,
    Map<String, String> buildArgs) {

  public ImageBuild {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(dockerfile, "dockerfile");
    tags = List.copyOf(tags);
    Objects.requireNonNull(platform, "platform");
    labels = Map.copyOf(labels);
    buildArgs = Map.copyOf(buildArgs);
  }

  /** Writes a build context as a tar stream. */
  @FunctionalInterface
  public interface ContextWriter {
    void writeTo(OutputStream tar) throws IOException;
  }
}
