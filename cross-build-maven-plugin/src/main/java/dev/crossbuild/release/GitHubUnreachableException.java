package dev.crossbuild.release;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * No answer from GitHub: the host name did not resolve, the connection failed or timed out, or TLS
 * failed.
 */
public class GitHubUnreachableException extends GitHubApiException {

  /** Why there was no answer, as far as the exception's cause chain tells. */
  public enum Reason {
    UNRESOLVED,
    REFUSED,
    CONNECT_TIMEOUT,
    ANSWER_TIMEOUT,
    TLS,
    OTHER
  }

  private final String host;
  private final int port;
  private final Reason reason;

  private GitHubUnreachableException(
      String request, String host, int port, Reason reason, IOException cause) {
    super(
        request,
        "Cannot reach GitHub at "
            + host
            + ":"
            + port
            + " ("
            + request
            + "): "
            + describe(reason, host, port)
            + " ("
            + causeChain(cause)
            + ")",
        cause);
    this.host = host;
    this.port = port;
    this.reason = reason;
  }

  /** Classifies a failed send to {@code uri}. */
  static GitHubUnreachableException of(String request, URI uri, IOException cause) {
    int port =
        uri.getPort() != -1 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    return new GitHubUnreachableException(request, uri.getHost(), port, reason(cause), cause);
  }

  /** The host that did not answer: the API's, or an upload or download host GitHub named. */
  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Reason reason() {
    return reason;
  }

  /** The reason in words, e.g. {@code the host name ghe.corp did not resolve}. */
  public String reasonText() {
    return describe(reason, host, port);
  }

  static Reason reason(Throwable failure) {
    boolean connecting = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return Reason.UNRESOLVED;
      }
      if (t instanceof HttpConnectTimeoutException) {
        return Reason.CONNECT_TIMEOUT;
      }
      if (t instanceof HttpTimeoutException) {
        return Reason.ANSWER_TIMEOUT;
      }
      if (t instanceof SSLException) {
        return Reason.TLS;
      }
      if (t instanceof ConnectException) {
        String message = t.getMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("refused")) {
          return Reason.REFUSED;
        }
        connecting = true;
      }
      // Java 17's HttpClient reports a refused connection as a ConnectException over a closed
      // channel.
      if (connecting && t instanceof ClosedChannelException) {
        return Reason.REFUSED;
      }
    }
    return Reason.OTHER;
  }

  private static String describe(Reason reason, String host, int port) {
    return switch (reason) {
      case UNRESOLVED -> "the host name " + host + " did not resolve";
      case REFUSED -> "the connection to port " + port + " was refused";
      case CONNECT_TIMEOUT -> "the connection timed out";
      case ANSWER_TIMEOUT -> "the connection was made but no answer came in time";
      case TLS -> "the TLS handshake failed";
      case OTHER -> "the connection failed";
    };
  }

  // Every message of the cause chain, so Maven, which appends those it does not find, adds nothing.
  private static String causeChain(Throwable failure) {
    List<String> parts = new ArrayList<>();
    String joined = "";
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      String key = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
      if (!joined.contains(key)) {
        parts.add(key.equals(message) ? t.getClass().getSimpleName() + ": " + message : key);
        joined = String.join(": ", parts);
      }
    }
    return joined;
  }
}
