package dev.crossbuild.maven.workflow;

import dev.crossbuild.config.ConfigKey;
import dev.crossbuild.config.ConfigProblem;

/**
 * A problem of a parameter only the workflow goal reads, worded where it is read: it joins the
 * problems of the shared settings, which {@code Advice} words.
 *
 * @param element the POM element, e.g. {@code <workflow><runners><runner>}
 * @param property the {@code -D} user property that sets it, or null when there is none
 * @param value the offending value as given
 * @param message what is wrong and what to do
 */
public record WorkflowProblem(String element, String property, String value, String message)
    implements ConfigProblem {

  /** None: the element says which parameter. */
  @Override
  public ConfigKey key() {
    return null;
  }
}
