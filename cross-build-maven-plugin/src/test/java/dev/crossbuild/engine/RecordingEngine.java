package dev.crossbuild.engine;

import dev.crossbuild.target.Platform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A fake engine that records every call; images live in a map, outputs are a file named after the
 * image. Targets build in parallel, so every call is synchronized, like a real engine serves
 * concurrent clients.
 */
public final class RecordingEngine implements ContainerEngine {

  /** One image build as the engine received it. */
  public record Build(
      String tag, Platform platform, Map<String, String> labels, Map<String, String> files) {}

  public final Map<String, ImageInfo> images = new LinkedHashMap<>();
  public final List<Build> builds = new ArrayList<>();
  public final List<String> containers = new ArrayList<>();
  public final List<String> removed = new ArrayList<>();
  public final List<String> calls = new ArrayList<>();
  public String failBuildOf;

  /** A registry: reference -> image; pulls and pushes go through it. */
  public final Map<String, ImageInfo> registry = new LinkedHashMap<>();

  /** Credentials of every pull and push, in order (null: anonymous). */
  public final List<RegistryAuth> auths = new ArrayList<>();

  /** When set, every pull or push fails with it. */
  public RegistryException registryFailure;

  private final Platform nativePlatform;
  private int ids;

  public RecordingEngine(Platform nativePlatform) {
    this.nativePlatform = nativePlatform;
  }

  @Override
  public synchronized String endpoint() {
    return "fake://engine";
  }

  @Override
  public synchronized EngineInfo info() {
    calls.add("info");
    return new EngineInfo(endpoint(), "0", "1.41", nativePlatform);
  }

  @Override
  public synchronized Optional<ImageInfo> inspectImage(String reference) {
    calls.add("inspect " + reference);
    return Optional.ofNullable(images.get(reference));
  }

  @Override
  public synchronized ImageInfo pullImage(String reference, Platform platform) {
    throw new EngineException("pull access denied for " + reference);
  }

  @Override
  public synchronized ImageInfo pullImage(String reference, Platform platform, RegistryAuth auth) {
    calls.add("pull " + reference);
    auths.add(auth);
    if (registryFailure != null) {
      throw registryFailure;
    }
    ImageInfo image = registry.get(reference);
    if (image == null) {
      throw new RegistryException(
          RegistryException.Kind.NOT_FOUND, "manifest unknown: " + reference, null);
    }
    images.put(reference, image);
    return image;
  }

  @Override
  public synchronized void tagImage(String image, String reference) {
    calls.add("tag " + image + " " + reference);
    ImageInfo info = images.get(image);
    if (info == null) {
      throw new EngineException("No such image: " + image);
    }
    images.put(reference, info);
  }

  @Override
  public synchronized void pushImage(String reference, RegistryAuth auth) {
    calls.add("push " + reference);
    auths.add(auth);
    if (registryFailure != null) {
      throw registryFailure;
    }
    registry.put(reference, images.get(reference));
  }

  @Override
  public synchronized String buildImage(ImageBuild build, Consumer<String> log) {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    Map<String, String> files = new LinkedHashMap<>();
    try {
      build.context().writeTo(tar);
      try (TarArchiveInputStream in =
          new TarArchiveInputStream(new ByteArrayInputStream(tar.toByteArray()))) {
        for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
          if (e.isFile()) {
            files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String tag = build.tags().get(0);
    builds.add(new Build(tag, build.platform(), build.labels(), files));
    log.accept("Step 1/1 : building " + tag);
    if (failBuildOf != null && tag.contains(failBuildOf)) {
      throw new ImageBuildException(
          "The command '/bin/sh /cross-build.sh' returned a non-zero code: 2",
          List.of("hello.c:3: error: undeclared_variable", "make: *** [hello] Error 1"));
    }
    String id = "sha256:" + (++ids);
    images.put(tag, new ImageInfo(id, build.platform(), build.labels()));
    return id;
  }

  @Override
  public synchronized RunResult run(
      String image, Platform platform, List<String> command, Map<String, String> labels) {
    calls.add("run " + image + " " + platform);
    runLabels.add(Map.copyOf(labels));
    return runResult;
  }

  /** What {@link #run} answers: by default the {@code uname -m} of an arm64 container. */
  public RunResult runResult = new RunResult(0, "aarch64\n");

  /** The labels of each container {@link #run} made, in order. */
  public final List<Map<String, String>> runLabels = new ArrayList<>();

  /** What the last {@link #runWithFiles} saw: the files copied in and the environment. */
  public List<String> smokeFiles = List.of();

  public Map<String, String> smokeEnv = Map.of();

  /** What {@link #runWithFiles} answers: exit code and output. */
  public RunResult smokeResult = new RunResult(0, "hello from the smoke test\n");

  @Override
  public synchronized RunResult runWithFiles(
      String image,
      Platform platform,
      List<String> command,
      Map<String, String> labels,
      Map<String, String> env,
      Path files,
      String workdir) {
    calls.add("run-with-files " + image + " " + platform + " " + command + " in " + workdir);
    try (var walk = Files.walk(files)) {
      smokeFiles =
          walk.filter(p -> !p.equals(files))
              .map(p -> files.relativize(p).toString())
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    smokeEnv = Map.copyOf(env);
    return smokeResult;
  }

  /** A source stage's container run: what it was created with and the files copied in. */
  public record Run(ContainerSpec spec, Map<String, String> files) {
    public String triple() {
      return spec.labels().get("dev.crossbuild.target");
    }
  }

  public final List<Run> runs = new ArrayList<>();
  private final Map<String, ContainerSpec> specs = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> copiedIn = new LinkedHashMap<>();

  /** Runs whose target triple contains this fail with exit code 2. */
  public String failRunOf;

  public final Map<String, Map<String, String>> volumes = new LinkedHashMap<>();

  @Override
  public synchronized String createContainer(ContainerSpec spec) {
    String id = "c" + (++ids);
    containers.add(id);
    specs.put(id, spec);
    return id;
  }

  @Override
  public synchronized void copyIn(String containerId, String path, ImageBuild.ContextWriter tar) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<String, String> files = new LinkedHashMap<>();
    try {
      tar.writeTo(bytes);
      try (TarArchiveInputStream in =
          new TarArchiveInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
          if (e.isFile()) {
            files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    copiedIn.put(containerId, files);
  }

  @Override
  public synchronized int startAndFollow(String containerId, Consumer<String> lines) {
    ContainerSpec spec = specs.get(containerId);
    Run run = new Run(spec, copiedIn.getOrDefault(containerId, Map.of()));
    runs.add(run);
    lines.accept("cross-build: building " + run.triple());
    if (failRunOf != null && run.triple().contains(failRunOf)) {
      lines.accept("hello.c:3: error: undeclared_variable");
      lines.accept("make: *** [hello] Error 1");
      return 2;
    }
    return 0;
  }

  @Override
  public synchronized void createVolume(String name, Map<String, String> labels) {
    calls.add("volume " + name);
    volumes.putIfAbsent(name, Map.copyOf(labels));
  }

  @Override
  public synchronized List<String> listVolumes(Map<String, String> labels) {
    return volumes.entrySet().stream()
        .filter(e -> e.getValue().entrySet().containsAll(labels.entrySet()))
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public synchronized void removeVolume(String name) {
    calls.add("rm volume " + name);
    volumes.remove(name);
  }

  @Override
  public synchronized List<String> listImages(Map<String, String> labels) {
    return images.values().stream()
        .filter(i -> i.labels().entrySet().containsAll(labels.entrySet()))
        .map(ImageInfo::id)
        .distinct()
        .toList();
  }

  @Override
  public synchronized String createContainer(String image, Map<String, String> labels) {
    String id = "c" + (++ids);
    containers.add(id);
    return id;
  }

  /**
   * When set, the outputs copied out are this file, as {@code hello} (a real binary for the audit).
   */
  public Path outputFixture;

  @Override
  public synchronized long copyOut(
      String containerId, String containerPath, Path destination, long maxBytes) {
    try {
      Files.createDirectories(destination);
      if (outputFixture != null) {
        Files.copy(
            outputFixture,
            destination.resolve("hello"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Files.size(outputFixture);
      }
      Files.writeString(destination.resolve("hello"), "binary from " + containerId);
      return 10;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void removeContainer(String containerId) {
    removed.add(containerId);
  }

  @Override
  public synchronized void removeImage(String reference) {
    calls.add("rmi " + reference);
    if (images.remove(reference) == null) { // a tag goes alone, as `docker rmi -f` untags
      images.values().removeIf(i -> i.id().equals(reference));
    }
  }

  @Override
  public synchronized List<String> listContainers(Map<String, String> labels) {
    return containers.stream().filter(c -> !removed.contains(c)).toList();
  }

  @Override
  public synchronized void close() {}
}
