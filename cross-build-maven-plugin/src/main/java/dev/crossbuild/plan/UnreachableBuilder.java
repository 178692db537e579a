package dev.crossbuild.plan;

import java.util.Objects;

/**
 * A builder whose engine did not answer when the plan was made; its targets are planned on the
 * others.
 *
 * @param id {@code local} or the {@code <builder>} id
 * @param host the address that was tried, e.g. {@code tcp://10.0.0.2:2376}
 * @param problem why it could not be reached, e.g. the connection error
 */
public record UnreachableBuilder(String id, String host, String problem) {

  public UnreachableBuilder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(problem, "problem");
  }

  /** {@code builder 'box' (tcp://10.0.0.2:2376) could not be reached: <problem>}, for messages. */
  public String describe() {
    return "builder '" + id + "' (" + host + ") could not be reached: " + problem;
  }
}
