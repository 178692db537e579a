package dev.crossbuild.actions.generate;

import java.util.Objects;

/**
 * An extra shell step run before the build, on one target's leg or on every leg.
 *
 * @param target the target triple whose leg runs it, or null for every leg
 * @param name the step name shown in the run
 * @param run the shell script; it must not contain {@code ${{ }}} expressions
 */
public record SetupStep(String target, String name, String run) {
  public SetupStep {
    Objects.requireNonNull(run, "run");
    name = name == null || name.isBlank() ? "Set up" + (target == null ? "" : " " + target) : name;
  }
}
