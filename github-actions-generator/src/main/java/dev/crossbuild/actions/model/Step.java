package dev.crossbuild.actions.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step: either {@code uses} an action or {@code run}s a shell script.
 *
 * @param name the step name, or null
 * @param id the step's {@code id:}, which later steps read its outputs by, or null
 * @param condition the {@code if:} expression, or null
 * @param uses the pinned action reference, or null for a run step
 * @param usesComment the version comment written after {@code uses}, or null
 * @param with the action inputs
 * @param env environment variables: the only way values from contexts reach {@code run}
 * @param run the shell script, or null for an action step
 * @param workingDirectory the directory the script runs in, or null
 */
public record Step(
    String name,
    String id,
    String condition,
    String uses,
    String usesComment,
    Map<String, Object> with,
    Map<String, String> env,
    String run,
    String workingDirectory) {
  public Step {
    if ((uses == null) == (run == null)) {
      throw new IllegalArgumentException("A step needs exactly one of uses or run: " + name);
    }
    with = with == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(with));
    env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  /** A step that runs a shell script. */
  public static Step run(String name, String script) {
    return new Step(name, null, null, null, null, null, null, script, null);
  }

  /** A step that uses an action. */
  public static Step uses(
      String name, String action, String versionComment, Map<String, Object> with) {
    return new Step(name, null, null, action, versionComment, with, null, null, null);
  }

  /** A copy with this {@code id:}. */
  public Step withId(String stepId) {
    return new Step(name, stepId, condition, uses, usesComment, with, env, run, workingDirectory);
  }

  /** A copy that runs only when {@code expression} holds. */
  public Step when(String expression) {
    return new Step(name, id, expression, uses, usesComment, with, env, run, workingDirectory);
  }

  /** A copy with these environment variables. */
  public Step withEnv(Map<String, String> variables) {
    return new Step(name, id, condition, uses, usesComment, with, variables, run, workingDirectory);
  }

  /** A copy that runs in {@code directory}. */
  public Step in(String directory) {
    return new Step(name, id, condition, uses, usesComment, with, env, run, directory);
  }
}
