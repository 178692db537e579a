package dev.crossbuild.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One classic {@code /build} call whose context is written by a separate thread into a pipe that
 * the HTTP transport reads, so the context is never held in memory whatever its size.
 */
final class StreamingImageBuild {

  private static final int PIPE_BUFFER = 256 * 1024;

  private final DockerClient client;
  private final ImageBuild build;
  private final Consumer<String> log;
  private final Deque<String> tail = new ArrayDeque<>();
  private final AtomicReference<Throwable> writerError = new AtomicReference<>();
  private final AtomicBoolean pipeClosedByUs = new AtomicBoolean();
  private volatile String error;
  private volatile String imageId;

  StreamingImageBuild(DockerClient client, ImageBuild build, Consumer<String> log) {
    this.client = client;
    this.build = build;
    this.log = log;
  }

  String run() {
    PipedInputStream pipe = new PipedInputStream(PIPE_BUFFER);
    PipedOutputStream sink;
    try {
      sink = new PipedOutputStream(pipe);
    } catch (IOException e) {
      throw new EngineException("Cannot set up the build context stream: " + e.getMessage(), e);
    }
    Thread writer = new Thread(() -> writeContext(sink), "cross-build-context-writer");
    writer.setDaemon(true);
    writer.start();
    Callback callback = new Callback();
    Throwable transportError = null;
    try {
      command(new FailingWhenWriterFails(pipe)).exec(callback).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(callback);
      throw new EngineException("Interrupted while building " + describe());
    } catch (RuntimeException e) {
      transportError = e;
    } finally {
      callback.flush();
      pipeClosedByUs.set(true);
      closeQuietly(pipe);
      joinQuietly(writer);
    }
    if (transportError == null) {
      transportError = callback.streamError;
    }
    Throwable written = writerError.get();
    if (written != null && !pipeClosedByUsBeforeWriterFailed(written)) {
      throw new EngineException(
          "Writing the build context of " + describe() + " failed: " + written.getMessage(),
          written);
    }
    if (error != null) {
      throw new ImageBuildException(
          "Building " + describe() + " failed: " + error.strip(), new ArrayList<>(tail));
    }
    if (transportError != null) {
      throw new EngineException(
          "Building " + describe() + " failed: " + transportError.getMessage(), transportError);
    }
    if (imageId == null) {
      throw new ImageBuildException(
          "Building " + describe() + " ended without an image ID", new ArrayList<>(tail));
    }
    return client.inspectImageCmd(imageId).exec().getId();
  }

  private BuildImageCmd command(InputStream context) {
    BuildImageCmd cmd =
        client
            .buildImageCmd()
            .withTarInputStream(context)
            .withDockerfilePath(build.dockerfile())
            .withTags(new LinkedHashSet<>(build.tags()))
            .withPlatform(build.platform().toString())
            .withLabels(build.labels())
            .withPull(false)
            .withRemove(true)
            // forcerm removes intermediate containers of failed steps too, so nothing is left
            // behind.
            .withForcerm(true);
    build.buildArgs().forEach(cmd::withBuildArg);
    return cmd;
  }

  private void writeContext(PipedOutputStream sink) {
    try {
      build.context().writeTo(sink);
    } catch (Throwable t) {
      // Recorded before the pipe is closed, so the reader fails instead of sending a truncated
      // context.
      writerError.set(t);
    } finally {
      closeQuietly(sink);
    }
  }

  private boolean pipeClosedByUsBeforeWriterFailed(Throwable written) {
    // When the build ended before the context was fully read, closing the pipe makes the writer
    // fail; that
    // is a consequence, not the cause, and the build's own error is the one to report.
    return pipeClosedByUs.get()
        && written instanceof IOException
        && (error != null || imageId != null);
  }

  private String describe() {
    String name = build.tags().isEmpty() ? "image" : "image " + String.join(", ", build.tags());
    return name + " for " + build.platform();
  }

  private void line(String l) {
    synchronized (tail) {
      if (tail.size() == ImageBuildException.LOG_TAIL_LINES) {
        tail.removeFirst();
      }
      tail.addLast(l);
    }
    log.accept(l);
  }

  private final class Callback extends ResultCallback.Adapter<BuildResponseItem> {
    // The stream arrives in chunks that are not lines; callbacks of one stream come from one
    // thread.
    private final LineAssembler stream = new LineAssembler(StreamingImageBuild.this::line);
    private final LineAssembler status = new LineAssembler(StreamingImageBuild.this::line);

    @Override
    public void onNext(BuildResponseItem item) {
      if (item.getStream() != null) {
        stream.accept(item.getStream());
      }
      if (item.getStatus() != null) {
        status.accept(item.getStatus());
        status.finish(); // a status message is a whole line
      }
      if (item.isErrorIndicated()) {
        String message =
            item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage()
                : item.getError();
        error = message == null ? "unknown error" : message;
        stream.finish();
        error.lines().filter(l -> !l.isBlank()).forEach(StreamingImageBuild.this::line);
      }
      // "Successfully built <short id>"; the full ID is read back with an inspect afterwards.
      if (item.isBuildSuccessIndicated()) {
        imageId = item.getImageId();
      }
    }

    /** Why the stream broke (e.g. the engine died), or null. */
    private volatile Throwable streamError;

    @Override
    public void onError(Throwable t) {
      // Reported by run(): docker-java's own onError would log it with a stack trace. Closing ends
      // the wait.
      streamError = t;
      closeQuietly(this);
    }

    /** The last line of a stream that ended without a line break. */
    void flush() {
      stream.finish();
    }
  }

  /**
   * Fails reads once the writer failed, so the engine never receives a silently truncated context.
   */
  private final class FailingWhenWriterFails extends FilterInputStream {
    FailingWhenWriterFails(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      check();
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      check();
      return n;
    }

    private void check() throws IOException {
      Throwable t = writerError.get();
      if (t != null) {
        throw new IOException("Writing the build context failed: " + t.getMessage(), t);
      }
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Best effort: the stream is being abandoned anyway.
    }
  }
}
