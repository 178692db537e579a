package dev.crossbuild.engine;

import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Tells, from the failure of the first request to an engine, whether TLS was the cause and which
 * part of it. The JDK and HttpClient say it only in their messages, so this reads the messages of
 * the whole cause chain.
 */
final class TlsHandshake {

  private static final List<String> SERVER_NOT_TRUSTED =
      List.of(
          "pkix path building failed",
          "unable to find valid certification path",
          "pkix path validation failed");
  private static final List<String> HOST_MISMATCH =
      List.of(
          "no subject alternative",
          "no name matching",
          "doesn't match any of the subject alternative names",
          "doesn't match common name");
  // The engine's alerts for a client certificate it does not accept.
  private static final List<String> CLIENT_REFUSED =
      List.of("bad_certificate", "certificate_unknown", "unknown_ca", "certificate_required");
  // Or it closes the connection: with TLS 1.3 our request can cross its alert, and we see only the
  // close.
  private static final List<String> CLOSED =
      List.of("connection reset", "broken pipe", "remote host terminated the handshake");
  private static final List<String> NO_TLS = List.of("unsupported or unrecognized ssl message");
  private static final String WANTS_TLS = "client sent an http request to an https server";

  private TlsHandshake() {}

  /**
   * The TLS problem behind a failed first request, or empty when TLS is not the cause.
   *
   * @param endpoint the endpoint the request went to
   * @param failure the request's failure, as thrown (docker-java wraps the JDK's exception)
   */
  static Optional<EngineTlsException> classify(EngineEndpoint endpoint, Throwable failure) {
    List<Throwable> chain = chain(failure);
    String text =
        String.join("\n", chain.stream().map(t -> String.valueOf(t.getMessage())).toList())
            .toLowerCase(Locale.ROOT);
    if (!Boolean.TRUE.equals(endpoint.tlsVerify())) {
      return text.contains(WANTS_TLS)
          ? Optional.of(TlsProblems.engineWantsTls(endpoint, failure))
          : Optional.empty();
    }
    Path dir = Path.of(endpoint.certPath() == null ? "" : endpoint.certPath()).toAbsolutePath();
    Optional<Throwable> ssl = chain.stream().filter(SSLException.class::isInstance).findFirst();
    if (ssl.isEmpty()) {
      boolean closed =
          containsAny(text, CLOSED) && chain.stream().noneMatch(ConnectException.class::isInstance);
      return closed
          ? Optional.of(
              TlsProblems.connectionClosed(endpoint, dir.resolve(TlsMaterial.CERT), failure))
          : Optional.empty();
    }
    if (containsAny(text, SERVER_NOT_TRUSTED)) {
      return Optional.of(
          TlsProblems.serverNotTrusted(endpoint, dir.resolve(TlsMaterial.CA), failure));
    }
    if (containsAny(text, HOST_MISMATCH)) {
      return Optional.of(TlsProblems.hostMismatch(endpoint, failure));
    }
    if (containsAny(text, CLIENT_REFUSED)) {
      return Optional.of(
          TlsProblems.clientCertificateRefused(endpoint, dir.resolve(TlsMaterial.CERT), failure));
    }
    if (containsAny(text, CLOSED)) {
      return Optional.of(
          TlsProblems.connectionClosed(endpoint, dir.resolve(TlsMaterial.CERT), failure));
    }
    if (containsAny(text, NO_TLS)) {
      return Optional.of(TlsProblems.engineWithoutTls(endpoint, failure));
    }
    return Optional.of(TlsProblems.handshakeFailed(endpoint, ssl.get()));
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static boolean containsAny(String text, List<String> needles) {
    return needles.stream().anyMatch(text::contains);
  }
}
