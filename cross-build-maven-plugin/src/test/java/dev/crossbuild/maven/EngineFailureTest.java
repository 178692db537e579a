package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.engine.EngineEndpoint;
import dev.crossbuild.engine.EngineTlsException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/**
 * How a goal reports an engine failure: the message Maven prints is the one the engine package
 * wrote.
 */
class EngineFailureTest {

  @Test
  void aTlsProblemIsPrintedAsItsOwnMessage() throws Exception {
    EngineTlsException tls =
        new EngineTlsException(
            EngineEndpoint.builder("box", "tcp://box:2376", true, "/certs"),
            Path.of("/certs/cert.pem"),
            "the client certificate /certs/cert.pem expired on 2025-01-01T00:00:00Z",
            "Make a new client certificate signed by the engine's CA.",
            null);

    MojoExecutionException e = AbstractCrossMojo.failure(tls);

    assertThat(e)
        .hasCause(tls)
        .hasMessage(
            "Builder 'box' (tcp://box:2376, from <builder> 'box'): the client"
                + " certificate /certs/cert.pem expired on 2025-01-01T00:00:00Z. Make a new client certificate signed by"
                + " the engine's CA.");
  }
}
