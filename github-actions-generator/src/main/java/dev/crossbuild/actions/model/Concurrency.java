package dev.crossbuild.actions.model;

import java.util.Objects;

/**
 * The {@code concurrency:} section.
 *
 * @param group the group expression (one group per ref)
 * @param cancelInProgress an expression or {@code true}/{@code false}
 */
public record Concurrency(String group, String cancelInProgress) {
  public Concurrency {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(cancelInProgress, "cancelInProgress");
  }
}
