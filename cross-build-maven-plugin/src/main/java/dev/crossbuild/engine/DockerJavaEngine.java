package dev.crossbuild.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.crossbuild.target.Platform;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** {@link ContainerEngine} on docker-java with the Apache HttpClient 5 transport. */
public final class DockerJavaEngine implements ContainerEngine {

  /** The highest Docker API version docker-java has a model for. */
  static final String CLIENT_MAX_API = RemoteApiVersion.VERSION_1_44.getVersion();

  // Connecting must fail fast; responses get no timeout, because a build step may be silent for
  // many minutes.
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // HttpClient logs every request header at debug level (mvn -X), and X-Registry-Auth carries the
    // registry
    // credentials of a pull or push. Maven's logger reads these properties when a logger is first
    // made, which
    // is before HttpClient's classes load: they load only when an engine is connected, after this.
    // Only
    // these two loggers, and only when the user has not set their level
    // (-Dorg.slf4j.simpleLogger.log....).
    // Maven 4's logger reads maven.logger.log.* (and warns about the old names); Maven 3's
    // org.slf4j.simpleLogger.
    String prefix = maven4() ? "maven.logger.log." : "org.slf4j.simpleLogger.log.";
    for (String logger :
        List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire")) {
      String property = prefix + logger;
      if (System.getProperty(property) == null) {
        System.setProperty(property, "info");
      }
    }
  }

  /** Whether this runs in Maven 4, whose API the plugin's class realm sees. */
  private static boolean maven4() {
    try {
      Class.forName("org.apache.maven.api.Session", false, DockerJavaEngine.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private final EngineEndpoint endpoint;
  private final DockerHttpClient http;
  private final DockerClient client;
  private final String apiVersion;
  private final String serverVersion;
  private final String product;

  private DockerJavaEngine(
      EngineEndpoint endpoint,
      DockerHttpClient http,
      DockerClient client,
      String api,
      String server,
      String product) {
    this.product = product;
    this.endpoint = endpoint;
    this.http = http;
    this.client = client;
    this.apiVersion = api;
    this.serverVersion = server;
  }

  /**
   * Connects to an engine and negotiates the API version with it.
   *
   * @throws EngineUnavailableException when nothing answers at the endpoint
   * @throws EngineTlsException when a TLS file is unusable, the TLS handshake fails, or the engine
   *     wants TLS
   * @throws EngineException when the endpoint is misconfigured or the engine is too new for this
   *     client
   */
  public static DockerJavaEngine connect(EngineEndpoint endpoint) {
    DefaultDockerClientConfig.Builder config =
        new DefaultDockerClientConfig.Builder().withDockerHost(endpoint.host());
    boolean tls = Boolean.TRUE.equals(endpoint.tlsVerify());
    if (tls) {
      TlsMaterial.check(endpoint, Instant.now());
    }
    config.withDockerTlsVerify(tls);
    if (tls && endpoint.certPath() != null) {
      config.withDockerCertPath(endpoint.certPath());
    }
    DockerHttpClient http;
    try {
      DefaultDockerClientConfig base = config.build();
      http =
          new ApacheDockerHttpClient.Builder()
              .dockerHost(base.getDockerHost())
              .sslConfig(base.getSSLConfig())
              .connectionTimeout(CONNECT_TIMEOUT)
              .maxConnections(64)
              .build();
    } catch (RuntimeException e) {
      throw new EngineException(
          "Cannot use the engine endpoint " + endpoint + ": " + e.getMessage(), e);
    }
    try {
      // Unversioned on purpose: a versioned path is refused by engines older or newer than that
      // version.
      JsonNode version =
          getJson(http, "/version")
              .orElseThrow(
                  () ->
                      new EngineException(
                          "The engine at " + endpoint + " has no /version endpoint"));
      String api =
          ApiVersions.negotiate(
              version.path("ApiVersion").asText(null),
              version.path("MinAPIVersion").asText(null),
              CLIENT_MAX_API);
      DockerClient client = DockerClientImpl.getInstance(config.withApiVersion(api).build(), http);
      return new DockerJavaEngine(
          endpoint, http, client, api, version.path("Version").asText(""), product(version));
    } catch (EngineException e) {
      closeQuietly(http);
      throw tlsProblemOr(endpoint, e, e);
    } catch (RuntimeException | IOException e) {
      closeQuietly(http);
      throw tlsProblemOr(
          endpoint, e, new EngineUnavailableException(endpoint.host(), endpoint.source(), e));
    }
  }

  /**
   * {@code Podman} when its service answers {@code /version} with a Podman component, else {@code
   * Docker}.
   */
  static String product(JsonNode version) {
    for (JsonNode component : version.path("Components")) {
      if (component.path("Name").asText("").startsWith("Podman")) {
        return "Podman";
      }
    }
    return "Docker";
  }

  /** The TLS problem behind a failed first request, if TLS is its cause; else {@code otherwise}. */
  private static EngineException tlsProblemOr(
      EngineEndpoint endpoint, Throwable failure, EngineException otherwise) {
    Optional<EngineTlsException> tls = TlsHandshake.classify(endpoint, failure);
    return tls.isPresent() ? tls.get() : otherwise;
  }

  @Override
  public String endpoint() {
    return endpoint.host();
  }

  /** The endpoint with its id, TLS settings and where it came from. */
  public EngineEndpoint engineEndpoint() {
    return endpoint;
  }

  @Override
  public EngineInfo info() {
    Info info = call("Reading engine info", () -> client.infoCmd().exec());
    Platform platform = EnginePlatforms.normalise(info.getOsType(), info.getArchitecture(), null);
    return new EngineInfo(endpoint.host(), serverVersion, apiVersion, platform, product);
  }

  /**
   * {@inheritDoc} {@code GET /_ping}, which every Docker-compatible engine answers without work.
   */
  @Override
  public boolean answers() {
    DockerHttpClient.Request ping =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path("/_ping")
            .build();
    try (DockerHttpClient.Response response = http.execute(ping)) {
      return response.getStatusCode() / 100 == 2;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public Optional<ImageInfo> inspectImage(String reference) {
    // Raw JSON, because docker-java's image model has no Variant (arm/v7 and arm/v6 differ only
    // there).
    Optional<JsonNode> image =
        call(
            "Inspecting image " + reference,
            () -> getJson(http, "/v" + apiVersion + "/images/" + reference + "/json"));
    return image.map(
        json ->
            new ImageInfo(
                json.path("Id").asText(),
                EnginePlatforms.normalise(
                    json.path("Os").asText(null),
                    json.path("Architecture").asText(null),
                    json.path("Variant").asText(null)),
                labels(json.path("Config").path("Labels"))));
  }

  @Override
  public ImageInfo pullImage(String reference, Platform platform) {
    return pullImage(reference, platform, null);
  }

  @Override
  public ImageInfo pullImage(String reference, Platform platform, RegistryAuth auth) {
    var pull = client.pullImageCmd(reference).withPlatform(platform.toString());
    if (auth != null) {
      pull.withAuthConfig(authConfig(auth));
    }
    this.<PullResponseItem>registryCall(
        "Cannot pull image " + reference + " for " + platform, cb -> pull.exec(cb));
    return inspectImage(reference)
        .orElseThrow(
            () ->
                new EngineException(
                    "Pulled image "
                        + reference
                        + " for "
                        + platform
                        + ", but the engine does not have it"));
  }

  @Override
  public void tagImage(String image, String reference) {
    int colon = tagSeparator(reference);
    call(
        "Tagging image " + image + " as " + reference,
        () -> {
          client
              .tagImageCmd(image, reference.substring(0, colon), reference.substring(colon + 1))
              .exec();
          return null;
        });
  }

  @Override
  public void pushImage(String reference, RegistryAuth auth) {
    int colon = tagSeparator(reference);
    var push =
        client.pushImageCmd(reference.substring(0, colon)).withTag(reference.substring(colon + 1));
    if (auth != null) {
      push.withAuthConfig(authConfig(auth));
    }
    this.<PushResponseItem>registryCall("Cannot push image " + reference, cb -> push.exec(cb));
  }

  /** The colon between repository and tag; a reference here always has a tag. */
  private static int tagSeparator(String reference) {
    int colon = reference.lastIndexOf(':');
    if (colon < 0 || colon < reference.lastIndexOf('/')) {
      throw new IllegalArgumentException("No tag in image reference " + reference);
    }
    return colon;
  }

  private static AuthConfig authConfig(RegistryAuth auth) {
    AuthConfig config = new AuthConfig().withRegistryAddress(auth.registry());
    return auth.identityToken()
        ? config.withIdentityToken(auth.secret())
        : config.withUsername(auth.username()).withPassword(auth.secret());
  }

  /**
   * Runs a pull or push and waits for it. The engine reports a registry's refusal either as an HTTP
   * error or as an error line in the progress stream; both become a {@link RegistryException} with
   * its kind.
   */
  private <I extends ResponseItem> void registryCall(
      String what, Consumer<ResultCallback.Adapter<I>> start) {
    StringBuilder error = new StringBuilder();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    ResultCallback.Adapter<I> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(I item) {
            if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
              error.append(item.getErrorDetail().getMessage());
            } else if (item.getError() != null) {
              error.append(item.getError());
            }
          }

          @Override
          public void onError(Throwable throwable) {
            // Kept for the message below instead of docker-java's own error log line with a stack
            // trace.
            failure.compareAndSet(null, throwable);
            closeQuietly(this);
          }
        };
    try {
      start.accept(callback);
      callback.awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted: " + what);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
    String message =
        failure.get() != null ? engineMessage(failure.get()) : error.toString().strip();
    if (!message.isEmpty()) {
      throw new RegistryException(
          RegistryException.classify(message), what + ": " + message, failure.get());
    }
  }

  /** The engine's own message: docker-java wraps it as {@code Status 404: {"message":"..."}}. */
  static String engineMessage(Throwable e) {
    return engineMessage(e.getMessage() == null ? e.toString() : e.getMessage().strip());
  }

  /**
   * The {@code message} of the JSON in an engine's answer, or the answer as it is when it holds
   * none.
   */
  private static String engineMessage(String text) {
    int brace = text.indexOf('{');
    if (brace >= 0) {
      try {
        JsonNode json = JSON.readTree(text.substring(brace));
        if (json != null && json.hasNonNull("message")) {
          return json.get("message").asText().strip();
        }
      } catch (IOException ignored) {
        // Not JSON: the text as it is.
      }
    }
    return text;
  }

  private static Map<String, String> labels(JsonNode labels) {
    Map<String, String> map = new java.util.TreeMap<>();
    labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  @Override
  public String buildImage(ImageBuild build, Consumer<String> log) {
    return new StreamingImageBuild(client, build, log).run();
  }

  @Override
  public RunResult run(
      String image, Platform platform, List<String> command, Map<String, String> labels) {
    return runWithFiles(image, platform, command, labels, Map.of(), null, null);
  }

  @Override
  public RunResult runWithFiles(
      String image,
      Platform platform,
      List<String> command,
      Map<String, String> labels,
      Map<String, String> env,
      Path files,
      String workdir) {
    String id = null;
    EngineException failure = null;
    try {
      id =
          newContainer(
              new ContainerSpec(image, platform, command, labels, env, workdir, List.of()));
      if (files != null) {
        client
            .copyArchiveToContainerCmd(id)
            .withHostResource(files.toString())
            .withDirChildrenOnly(true)
            .withRemotePath(workdir == null ? "/" : workdir)
            .exec();
      }
      client.startContainerCmd(id).exec();
      int exit = waitFor(id);
      return new RunResult(exit, logs(id));
    } catch (RuntimeException e) {
      failure =
          e instanceof EngineException ee
              ? ee
              : new EngineException(
                  "Running "
                      + command
                      + " in image "
                      + image
                      + " for "
                      + platform
                      + " failed: "
                      + e.getMessage(),
                  e);
      throw failure;
    } finally {
      if (id != null) {
        removeAfterRun(id, failure);
      }
    }
  }

  /** Removes a run's container; a removal failure never hides the failure of the run itself. */
  private void removeAfterRun(String id, EngineException failure) {
    try {
      removeContainer(id);
    } catch (EngineException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  private String logs(String id) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      client
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .withFollowStream(false)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  output.writeBytes(frame.getPayload());
                }
              })
          .awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted while reading the output of container " + id);
    }
    return output.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    return call(
        "Creating a container from image " + spec.image() + " for " + spec.platform(),
        () -> newContainer(spec));
  }

  /** Creates the container {@code spec} describes; its ID. */
  private String newContainer(ContainerSpec spec) {
    var create =
        client
            .createContainerCmd(spec.image())
            .withPlatform(spec.platform().toString())
            .withCmd(spec.command())
            .withLabels(spec.labels());
    if (!spec.env().isEmpty()) {
      create.withEnv(
          spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
    if (spec.workdir() != null) {
      create.withWorkingDir(spec.workdir());
    }
    if (!spec.mounts().isEmpty()) {
      create.withHostConfig(
          HostConfig.newHostConfig()
              .withMounts(
                  spec.mounts().stream()
                      .map(
                          m ->
                              new Mount()
                                  .withType(m.volume() ? MountType.VOLUME : MountType.BIND)
                                  .withSource(m.source())
                                  .withTarget(m.target()))
                      .toList()));
    }
    return create.exec().getId();
  }

  @Override
  public void copyIn(String containerId, String path, ImageBuild.ContextWriter tar) {
    Path file = null;
    try {
      // Written to a file first (constant memory, whatever the size), then streamed to the engine.
      file = Files.createTempFile("cross-build-copy-in-", ".tar");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
        tar.writeTo(out);
      }
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        client
            .copyArchiveToContainerCmd(containerId)
            .withTarInputStream(in)
            .withRemotePath(path)
            .exec();
      }
    } catch (IOException e) {
      throw new EngineException(
          "Copying files into container " + containerId + " at " + path + " failed: " + e, e);
    } catch (RuntimeException e) {
      throw new EngineException(
          "Copying files into container "
              + containerId
              + " at "
              + path
              + " failed: "
              + e.getMessage(),
          e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file; the system cleans up after us
        }
      }
    }
  }

  @Override
  public int startAndFollow(String containerId, Consumer<String> lines) {
    LineAssembler out = new LineAssembler(lines);
    LineAssembler err = new LineAssembler(lines);
    AtomicReference<Throwable> streamError = new AtomicReference<>();
    try {
      client.startContainerCmd(containerId).exec();
      client
          .logContainerCmd(containerId)
          .withStdOut(true)
          .withStdErr(true)
          .withFollowStream(true)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  (frame.getStreamType() == StreamType.STDERR ? err : out)
                      .accept(frame.getPayload());
                }

                @Override
                public void onError(Throwable t) {
                  // Reported below: docker-java's own onError logs it with a stack trace (an engine
                  // that died
                  // mid-build ends the stream so). Closing ends awaitCompletion.
                  streamError.set(t);
                  closeQuietly(this);
                }
              })
          .awaitCompletion();
      out.finish();
      err.finish();
      return waitFor(containerId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted while container " + containerId + " ran");
    } catch (RuntimeException e) {
      Throwable cause = streamError.get() != null ? streamError.get() : e;
      throw new EngineException(
          "Running container " + containerId + " failed: " + cause.getMessage(), cause);
    }
  }

  /**
   * The container's exit code. An engine that stops answering fails this with its message only:
   * docker-java's own callback would log it with a stack trace first.
   */
  private int waitFor(String containerId) {
    AtomicReference<Throwable> error = new AtomicReference<>();
    WaitContainerResultCallback callback =
        new WaitContainerResultCallback() {
          @Override
          public void onError(Throwable t) {
            error.set(t);
            closeQuietly(this);
          }
        };
    client.waitContainerCmd(containerId).exec(callback);
    try {
      callback.awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted while waiting for container " + containerId);
    }
    if (error.get() != null) {
      throw new EngineException(
          "Waiting for container "
              + containerId
              + " at "
              + endpoint
              + " failed: "
              + engineMessage(error.get()),
          error.get());
    }
    return callback.awaitStatusCode();
  }

  @Override
  public void createVolume(String name, Map<String, String> labels) {
    call(
        "Creating volume " + name,
        () -> client.createVolumeCmd().withName(name).withLabels(labels).exec());
  }

  @Override
  public List<String> listVolumes(Map<String, String> labels) {
    List<String> filter =
        labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    var volumes =
        call(
            "Listing volumes",
            () -> client.listVolumesCmd().withFilter("label", filter).exec().getVolumes());
    return volumes == null
        ? List.of()
        : volumes.stream().map(InspectVolumeResponse::getName).sorted().toList();
  }

  @Override
  public void removeVolume(String name) {
    try {
      client.removeVolumeCmd(name).exec();
    } catch (NotFoundException e) {
      // Already gone: that is what was asked for.
    } catch (RuntimeException e) {
      throw new EngineException("Cannot remove volume " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String createContainer(String image, Map<String, String> labels) {
    // A command is given so that images without CMD can be created too; the container is never
    // started.
    return call(
        "Creating a container from image " + image,
        () -> client.createContainerCmd(image).withCmd("true").withLabels(labels).exec().getId());
  }

  /**
   * {@inheritDoc} {@code containerPath} must be a directory: its contents land directly in the
   * destination.
   */
  @Override
  public long copyOut(String containerId, String containerPath, Path destination, long maxBytes) {
    try (InputStream tar = client.copyArchiveFromContainerCmd(containerId, containerPath).exec()) {
      return SafeTarExtractor.extract(tar, destination, 1, maxBytes);
    } catch (NotFoundException e) {
      throw new EngineException(
          "No " + containerPath + " in container " + containerId + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new EngineException(
          "Copying " + containerPath + " out of container " + containerId + " failed", e);
    }
  }

  @Override
  public void removeContainer(String containerId) {
    try {
      client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // Already gone: that is what was asked for.
    } catch (RuntimeException e) {
      throw new EngineException(
          "Cannot remove container " + containerId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> listContainers(Map<String, String> labels) {
    List<Container> containers =
        call(
            "Listing containers",
            () -> client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec());
    return containers.stream().map(Container::getId).toList();
  }

  /** {@inheritDoc} Intermediate images included. */
  @Override
  public List<String> listImages(Map<String, String> labels) {
    return call(
            "Listing images",
            () -> client.listImagesCmd().withShowAll(true).withLabelFilter(labels).exec())
        .stream()
        .map(Image::getId)
        .toList();
  }

  @Override
  public void removeImage(String reference) {
    try {
      client.removeImageCmd(reference).withForce(true).exec();
    } catch (NotFoundException | ConflictException e) {
      // Gone already, or a parent of another image that goes with it.
    } catch (RuntimeException e) {
      throw new EngineException("Cannot remove image " + reference + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closeQuietly(client);
  }

  private static Optional<JsonNode> getJson(DockerHttpClient http, String path) throws IOException {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path(path)
            .build();
    try (DockerHttpClient.Response response = http.execute(request)) {
      if (response.getStatusCode() == 404) {
        return Optional.empty();
      }
      if (response.getStatusCode() / 100 != 2) {
        // Not always JSON: a TLS-only engine answers plain HTTP with a line of text.
        String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8).strip();
        throw new EngineException(
            "GET " + path + " answered " + response.getStatusCode() + ": " + engineMessage(text));
      }
      return Optional.ofNullable(JSON.readTree(response.getBody()));
    }
  }

  private <T> T call(String what, IoCall<T> call) {
    try {
      return call.run();
    } catch (EngineException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      throw new EngineException(what + " at " + endpoint + " failed: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface IoCall<T> {
    T run() throws IOException;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing is best effort.
    }
  }
}
