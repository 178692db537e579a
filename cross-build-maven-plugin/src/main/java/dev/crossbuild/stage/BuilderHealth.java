package dev.crossbuild.stage;

import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.plan.BuilderNode;

/**
 * Whether a builder still answers during a build. When an engine operation fails and the engine no
 * longer answers, the builder is lost: the failing target's message names the builder and the stage
 * instead of the operation, and every target still waiting for that builder fails at once instead
 * of one call at a time. Shared by the targets of one builder, from several threads.
 */
public final class BuilderHealth {

  private final BuilderNode builder;
  private final ContainerEngine engine;
  private volatile String lostDuring;

  /**
   * @param builder the builder, for messages; null for a target built without a plan's builder
   * @param engine its engine, asked whether it answers after a failure
   */
  public BuilderHealth(BuilderNode builder, ContainerEngine engine) {
    this.builder = builder;
    this.engine = engine;
  }

  /**
   * Fails a target before its first stage when its builder was lost while another target built.
   *
   * @throws BuilderLostException naming the builder and where it was lost
   */
  void checkAlive(String triple) {
    String during = lostDuring;
    if (during != null) {
      throw new BuilderLostException(
          name()
              + " stopped answering during "
              + during
              + ", so "
              + triple
              + " was not started. "
              + fix());
    }
  }

  /**
   * The message for a target whose engine operation failed: the operation's own message while the
   * engine answers, else one that names the builder and the stage, with the operation's message
   * after it.
   */
  String explain(String triple, String stage, EngineException failure) {
    if (failure instanceof BuilderLostException) {
      return failure.getMessage();
    }
    if (lostDuring == null && engine.answers()) {
      return failure.getMessage();
    }
    synchronized (this) {
      if (lostDuring == null) {
        lostDuring = "the " + stage + " stage of " + triple;
      }
    }
    return name()
        + " stopped answering during the "
        + stage
        + " stage. "
        + fix()
        + " ("
        + failure.getMessage()
        + ")";
  }

  private String name() {
    return builder == null
        ? "The engine at " + engine.endpoint()
        : "Builder '" + builder.id() + "' (" + engine.endpoint() + ")";
  }

  private static String fix() {
    return "Start that engine again and rerun the build; targets of other builders are not affected.";
  }

  /** A target was not started because its builder had stopped answering. */
  static final class BuilderLostException extends EngineException {
    BuilderLostException(String message) {
      super(message);
    }
  }
}
