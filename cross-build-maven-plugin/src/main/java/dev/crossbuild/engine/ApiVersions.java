package dev.crossbuild.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker API version negotiation, like the docker CLI does it: use the lower of what the engine
 * speaks and what the client library supports. Old engines (20.10 speaks 1.41) reject newer
 * clients, and new engines (29) reject clients older than 1.44, so a fixed version fails on one or
 * the other.
 */
final class ApiVersions {

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  private ApiVersions() {}

  /**
   * The API version to use with an engine.
   *
   * @param engineMax the engine's {@code ApiVersion} from {@code /version}
   * @param engineMin the engine's {@code MinAPIVersion}, or {@code null} when it did not say
   * @param clientMax the highest version the client library supports
   * @throws EngineException when the engine only speaks versions newer than the client supports
   */
  static String negotiate(String engineMax, String engineMin, String clientMax) {
    if (engineMax == null || !VERSION.matcher(engineMax.trim()).matches()) {
      throw new EngineException("The engine reported no usable API version: '" + engineMax + "'");
    }
    String chosen = compare(engineMax.trim(), clientMax) <= 0 ? engineMax.trim() : clientMax;
    if (engineMin != null
        && VERSION.matcher(engineMin.trim()).matches()
        && compare(chosen, engineMin.trim()) < 0) {
      throw new EngineException(
          "The engine requires Docker API "
              + engineMin.trim()
              + " or newer, but this plugin's client supports at"
              + " most "
              + clientMax
              + ". Use a newer cross-build version, or an older engine.");
    }
    return chosen;
  }

  /** Compares {@code major.minor} numerically (1.9 &lt; 1.41). */
  static int compare(String a, String b) {
    int[] x = parse(a);
    int[] y = parse(b);
    return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
  }

  private static int[] parse(String version) {
    Matcher m = VERSION.matcher(version.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("Not an API version (major.minor): '" + version + "'");
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }
}
