package dev.crossbuild.maven;

import dev.crossbuild.stage.BuildListener;
import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/** One line per stage per target at INFO with elapsed time; the engine's build log at DEBUG. */
final class ConsoleProgress implements BuildListener {

  private final Log log;

  ConsoleProgress(Log log) {
    this.log = log;
  }

  @Override
  public void stageStarted(String triple, String stage) {
    log.info("[" + triple + "] " + stage + " ...");
  }

  @Override
  public void stageFinished(String triple, String stage, String outcome, Duration elapsed) {
    String line =
        "["
            + triple
            + "] "
            + stage
            + ": "
            + outcome
            + String.format(Locale.ROOT, " (%.1f s)", elapsed.toMillis() / 1000.0);
    if (outcome.equals("failed")) {
      log.error(line);
    } else {
      log.info(line);
    }
  }

  @Override
  public void output(String triple, String line) {
    log.info("[" + triple + "] " + line.stripTrailing());
  }

  @Override
  public void warn(String triple, String message) {
    log.warn("[" + triple + "] " + message);
  }

  @Override
  public void log(String triple, String line) {
    if (log.isDebugEnabled()) {
      log.debug("[" + triple + "] " + line.stripTrailing());
    }
  }
}
