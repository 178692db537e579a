package dev.crossbuild.engine;

/**
 * No engine answered at an endpoint. Carries the endpoint and where it came from (DOCKER_HOST, a
 * docker context, a {@code <builder>}, the default socket) so the message can say what to fix.
 */
public class EngineUnavailableException extends EngineException {

  private final String endpoint;
  private final String source;

  public EngineUnavailableException(String endpoint, String source, Throwable cause) {
    super("No container engine at " + endpoint + " (from " + source + ")", cause);
    this.endpoint = endpoint;
    this.source = source;
  }

  public String endpoint() {
    return endpoint;
  }

  public String source() {
    return source;
  }
}
