package dev.crossbuild.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Every TLS problem of an endpoint as an {@link EngineTlsException}, with the fix in the terms of
 * where the endpoint came from: a {@code <builder>}, a docker context, {@code -Dcross.dockerHost}
 * or the environment. One place for the wording, so the material check and the handshake speak
 * alike.
 */
final class TlsProblems {

  /** What to put in a missing file, by file name. */
  private static final Map<String, String> CONTENT =
      Map.of(
          TlsMaterial.CA,
              "Copy there the certificate of the CA that signed the engine's server certificate"
                  + " (the ca.pem of the machine that made the engine's certificates).",
          TlsMaterial.CERT,
              "Copy there a client certificate signed by the CA the engine trusts (its --tlscacert).",
          TlsMaterial.KEY, "Copy there the private key that cert.pem was made for.");

  private static final String CLIENT_FIX =
      "Sign it with the CA the engine trusts (its --tlscacert), and keep it with its own key.pem.";

  private TlsProblems() {}

  static EngineTlsException noCertDirectory(EngineEndpoint endpoint) {
    return new EngineTlsException(
        endpoint,
        null,
        "TLS is on, but no certificate directory is set",
        certDirectoryFix(endpoint),
        null);
  }

  static EngineTlsException notADirectory(EngineEndpoint endpoint, Path dir, boolean exists) {
    return new EngineTlsException(
        endpoint,
        dir,
        "the TLS certificate directory "
            + dir
            + (exists ? " is not a directory" : " does not exist"),
        certDirectoryFix(endpoint),
        null);
  }

  static EngineTlsException missing(EngineEndpoint endpoint, Path file) {
    return new EngineTlsException(
        endpoint,
        file,
        "the TLS file " + file + " does not exist",
        CONTENT.get(file.getFileName().toString()),
        null);
  }

  static EngineTlsException unreadable(EngineEndpoint endpoint, Path file, Exception cause) {
    return new EngineTlsException(
        endpoint,
        file,
        "the TLS file " + file + " cannot be read" + (cause == null ? "" : " (" + cause + ")"),
        "Let the user running Maven read it (ls -l " + file + " shows its owner and mode).",
        cause);
  }

  static EngineTlsException notACertificate(
      EngineEndpoint endpoint, Path file, String detail, Exception cause) {
    return new EngineTlsException(
        endpoint,
        file,
        file + " is not a PEM X.509 certificate (" + detail + ")",
        CONTENT.get(file.getFileName().toString()).replace("Copy there", "Put there, in PEM form,"),
        cause);
  }

  static EngineTlsException expired(EngineEndpoint endpoint, Path cert, Instant notAfter) {
    return new EngineTlsException(
        endpoint,
        cert,
        "the client certificate " + cert + " expired on " + notAfter,
        "Make a new client certificate signed by the engine's CA (openssl x509 -enddate -noout -in "
            + cert
            + " shows its dates).",
        null);
  }

  static EngineTlsException notYetValid(EngineEndpoint endpoint, Path cert, Instant notBefore) {
    return new EngineTlsException(
        endpoint,
        cert,
        "the client certificate " + cert + " is not valid before " + notBefore,
        "Check this machine's clock, or make a new client certificate signed by the engine's CA"
            + " (openssl x509 -startdate -noout -in "
            + cert
            + " shows its dates).",
        null);
  }

  static EngineTlsException notAKey(
      EngineEndpoint endpoint, Path key, String detail, Exception cause) {
    return new EngineTlsException(
        endpoint,
        key,
        key + " holds no private key (" + detail + ")",
        "Put there, unencrypted, the private key that cert.pem was made for: PEM \"RSA PRIVATE KEY\","
            + " \"PRIVATE KEY\" or \"EC PRIVATE KEY\".",
        cause);
  }

  static EngineTlsException encryptedKey(EngineEndpoint endpoint, Path key) {
    return new EngineTlsException(
        endpoint,
        key,
        "the private key "
            + key
            + " is encrypted with a passphrase, which the engine connection cannot ask for",
        "Decrypt it (openssl pkey -in "
            + key
            + " -out key-plain.pem) and put the result in its place.",
        null);
  }

  static EngineTlsException keyMismatch(EngineEndpoint endpoint, Path key, Path cert) {
    return new EngineTlsException(
        endpoint,
        key,
        "the private key " + key + " does not belong to the client certificate " + cert,
        "Put the two together that were made together (openssl x509 -noout -pubkey -in "
            + cert
            + " and openssl pkey -pubout -in "
            + key
            + " print the same key when they match).",
        null);
  }

  static EngineTlsException serverNotTrusted(EngineEndpoint endpoint, Path ca, Throwable cause) {
    return new EngineTlsException(
        endpoint,
        ca,
        "the engine's server certificate is not signed by the CA in " + ca,
        "Use the CA that signed the engine's --tlscert: the ca.pem of the machine that made the engine's"
            + " certificates.",
        cause);
  }

  static EngineTlsException clientCertificateRefused(
      EngineEndpoint endpoint, Path cert, Throwable cause) {
    return new EngineTlsException(
        endpoint, cert, "the engine refused the client certificate " + cert, CLIENT_FIX, cause);
  }

  static EngineTlsException connectionClosed(EngineEndpoint endpoint, Path cert, Throwable cause) {
    return new EngineTlsException(
        endpoint,
        cert,
        "the engine closed the connection in the TLS handshake, most"
            + " likely because it refused the client certificate "
            + cert,
        CLIENT_FIX,
        cause);
  }

  static EngineTlsException hostMismatch(EngineEndpoint endpoint, Throwable cause) {
    String address = endpoint.host().replaceFirst("^[a-z]+://", "");
    return new EngineTlsException(
        endpoint,
        null,
        "the engine's server certificate has no name for the host in " + endpoint.host(),
        "Use in "
            + hostSetting(endpoint)
            + " a host name or IP address the certificate lists"
            + " (openssl s_client -connect "
            + address
            + " </dev/null | openssl x509 -noout -ext subjectAltName"
            + " shows them).",
        cause);
  }

  static EngineTlsException engineWithoutTls(EngineEndpoint endpoint, Throwable cause) {
    return new EngineTlsException(
        endpoint,
        null,
        "the engine does not answer with TLS at " + endpoint.host(),
        "Use the engine's TLS port (its --tlsverify address, usually 2376), or turn TLS off for this "
            + (isBuilder(endpoint)
                ? "builder (<tlsVerify>false</tlsVerify>)."
                : "engine (unset DOCKER_TLS_VERIFY)."),
        cause);
  }

  static EngineTlsException engineWantsTls(EngineEndpoint endpoint, Throwable cause) {
    return new EngineTlsException(
        endpoint,
        null,
        "the engine speaks only TLS there, and TLS is off",
        "Set " + tlsSettings(endpoint) + ".",
        cause);
  }

  static EngineTlsException handshakeFailed(EngineEndpoint endpoint, Throwable cause) {
    return new EngineTlsException(
        endpoint,
        null,
        "the TLS handshake with the engine failed (" + cause.getMessage() + ")",
        "Check that ca.pem, cert.pem and key.pem in "
            + (endpoint.certPath() == null ? "the TLS certificate directory" : endpoint.certPath())
            + " were made for this engine (mvn -e shows the whole failure).",
        cause);
  }

  private static String certDirectoryFix(EngineEndpoint endpoint) {
    if (isBuilder(endpoint)) {
      return "Set <certPath> of "
          + endpoint.source()
          + " to a directory holding ca.pem, cert.pem and key.pem.";
    }
    if (isContext(endpoint)) {
      return "Give "
          + endpoint.source()
          + " its TLS files (docker context update "
          + contextName(endpoint)
          + " --docker \"host="
          + endpoint.host()
          + ",ca=ca.pem,cert=cert.pem,key=key.pem\").";
    }
    return "Set DOCKER_CERT_PATH to a directory holding ca.pem, cert.pem and key.pem.";
  }

  /** The settings that turn TLS on, where this endpoint is configured. */
  private static String tlsSettings(EngineEndpoint endpoint) {
    if (isBuilder(endpoint)) {
      return "<tlsVerify>true</tlsVerify> and <certPath> (a directory holding ca.pem, cert.pem and key.pem) in "
          + endpoint.source();
    }
    if (isContext(endpoint)) {
      return "the TLS files of "
          + endpoint.source()
          + " (docker context update "
          + contextName(endpoint)
          + " --docker \"host="
          + endpoint.host()
          + ",ca=ca.pem,cert=cert.pem,key=key.pem\")";
    }
    String settings =
        "DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (a directory holding ca.pem, cert.pem and key.pem)";
    // -Dcross.dockerHost has no TLS settings of its own: the environment's address does.
    return "-Dcross.dockerHost".equals(endpoint.source())
        ? "DOCKER_HOST instead of -Dcross.dockerHost, with " + settings
        : settings;
  }

  private static String hostSetting(EngineEndpoint endpoint) {
    return isBuilder(endpoint) ? "<host> of " + endpoint.source() : endpoint.source();
  }

  private static boolean isBuilder(EngineEndpoint endpoint) {
    return endpoint.source().startsWith("<builder>");
  }

  private static boolean isContext(EngineEndpoint endpoint) {
    return endpoint.source().startsWith("docker context '");
  }

  private static String contextName(EngineEndpoint endpoint) {
    String source = endpoint.source();
    return source.substring("docker context '".length(), source.length() - 1);
  }
}
