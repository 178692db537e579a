package dev.crossbuild.maven;

import org.apache.maven.plugin.logging.Log;

/**
 * The check every goal starts with, as Maven's own plugins have it: {@code cross.skip} skips every
 * goal of the plugin, {@code cross.<goal>.skip} that goal alone. The INFO line names the property
 * that did it.
 */
final class Skip {

  static final String ALL = "cross.skip";

  private Skip() {}

  /**
   * Whether the goal is skipped; logs the reason when it is.
   *
   * @param goal the goal, e.g. {@code build}
   * @param all the value of {@code <skip>} / {@code cross.skip}
   * @param goalProperty the goal's own property, e.g. {@code cross.build.skip}
   * @param goalOnly the value of that property's parameter
   */
  static boolean skipped(Log log, String goal, boolean all, String goalProperty, boolean goalOnly) {
    if (!all && !goalOnly) {
      return false;
    }
    log.info("Skipping cross:" + goal + " (" + (all ? ALL : goalProperty) + "=true)");
    return true;
  }
}
