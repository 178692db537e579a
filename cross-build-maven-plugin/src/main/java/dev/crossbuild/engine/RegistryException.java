package dev.crossbuild.engine;

import java.util.Locale;

/** A pull or push between the engine and a registry failed; {@link #kind()} says how. */
public final class RegistryException extends EngineException {

  /** What went wrong, as far as the engine's message tells. */
  public enum Kind {
    /** The registry has no such tag or repository. */
    NOT_FOUND,
    /** The registry refused the credentials, or wants some. */
    UNAUTHORIZED,
    /** The registry did not answer: unknown host, refused connection, timeout, TLS failure. */
    UNREACHABLE,
    /** Anything else. */
    OTHER
  }

  private final Kind kind;

  public RegistryException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * Reads the kind from an engine or registry error message (the engine passes the registry's own
   * text).
   */
  public static Kind classify(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (m.contains("unauthorized")
        || m.contains("authentication required")
        || m.contains("denied")
        || m.contains("no basic auth credentials")
        || m.contains("incorrect username or password")) {
      return Kind.UNAUTHORIZED;
    }
    if (m.contains("manifest unknown") || m.contains("not found") || m.contains("name unknown")) {
      return Kind.NOT_FOUND;
    }
    if (m.contains("connection refused")
        || m.contains("no such host")
        || m.contains("i/o timeout")
        || m.contains("timeout")
        || m.contains("x509")
        || m.contains("tls")
        || m.contains("server gave http response")
        || m.contains("dial tcp")
        || m.contains("connect: ")) {
      return Kind.UNREACHABLE;
    }
    return Kind.OTHER;
  }
}
