package dev.crossbuild.engine;

import java.nio.file.Path;

/**
 * The TLS material of an endpoint is unusable, or the TLS handshake with its engine failed. The
 * message says which builder, which file, what is wrong with it and what to do; {@link #fix()}
 * holds the last part alone.
 */
public class EngineTlsException extends EngineException {

  private final String builderId;
  private final Path file;
  private final String fix;

  /**
   * @param endpoint the endpoint whose TLS failed
   * @param file the file at fault, or {@code null} when no local file is (the engine's own
   *     certificate)
   * @param problem what is wrong, a sentence without its final period
   * @param fix what to do, one sentence with its final period
   * @param cause the failure that showed the problem, or {@code null}
   */
  public EngineTlsException(
      EngineEndpoint endpoint, Path file, String problem, String fix, Throwable cause) {
    super(
        "Builder '"
            + endpoint.id()
            + "' ("
            + endpoint.host()
            + ", from "
            + endpoint.source()
            + "): "
            + problem
            + ". "
            + fix,
        cause);
    this.builderId = endpoint.id();
    this.file = file;
    this.fix = fix;
  }

  /** The id of the builder ({@code local} for the engine found in the environment). */
  public String builderId() {
    return builderId;
  }

  /** The file at fault, or {@code null} when the fault is not in a local file. */
  public Path file() {
    return file;
  }

  /** What the user should do, in one sentence. */
  public String fix() {
    return fix;
  }
}
