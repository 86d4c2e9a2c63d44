package aegis.adapters.http;

import aegis.adapters.http.HttpFailure.Kind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns the exceptions of the JDK's network stack into {@link HttpFailure}s. The JDK wraps causes
 * deeply (a DNS failure arrives as a {@code ConnectException} caused by an
 * {@code UnresolvedAddressException}), so the whole cause chain is searched, most specific kind
 * first.
 */
final class Failures {
  private Failures() {}

  static HttpFailure classify(Throwable error, String host, int port, Duration timeout) {
    String where = port > 0 ? host + ":" + port : host;
    if (has(error, SocketTimeoutException.class) || has(error, TimeoutException.class)) {
      return new HttpFailure(Kind.TIMEOUT, "no answer from " + where + " within " + human(timeout));
    }
    if (has(error, UnresolvedAddressException.class) || has(error, UnknownHostException.class)) {
      return new HttpFailure(Kind.DNS, "cannot resolve host `" + host + "`");
    }
    SSLException tls = find(error, SSLException.class);
    if (tls != null) return new HttpFailure(Kind.TLS, "TLS with " + where + " failed: " + tlsReason(error, tls));
    ConnectException refused = find(error, ConnectException.class);
    if (refused != null) {
      String msg = deepestMessage(refused);
      if (msg == null || msg.toLowerCase(Locale.ROOT).contains("refused")) {
        return new HttpFailure(Kind.REFUSED, "connection refused by " + where);
      }
      return new HttpFailure(Kind.IO, "cannot connect to " + where + ": " + msg);
    }
    String msg = deepestMessage(error);
    return new HttpFailure(Kind.IO, "talking to " + where + " failed: " + (msg == null ? error.getClass().getSimpleName() : msg));
  }

  /** Why a certificate chain or handshake was refused, in words: expired, untrusted, wrong name. */
  static String tlsReason(Throwable error, Throwable fallback) {
    CertificateExpiredException expired = find(error, CertificateExpiredException.class);
    if (expired != null) return "the certificate has expired (" + expired.getMessage() + ")";
    if (has(error, CertificateNotYetValidException.class)) return "the certificate is not valid yet";
    String all = allMessages(error);
    if (all.contains("unable to find valid certification path") || all.contains("PKIX path building failed")) {
      return "the certificate is not trusted (no chain to a trusted root: self-signed or an unknown CA)";
    }
    if (all.contains("No subject alternative") || all.contains("No name matching")) {
      return "the certificate does not name this host";
    }
    if (all.contains("Unsupported or unrecognized SSL message") || all.contains("plaintext connection")) {
      return "the server does not speak TLS on this port";
    }
    String msg = deepestMessage(fallback);
    return msg == null ? fallback.getClass().getSimpleName() : msg;
  }

  static String human(Duration d) {
    if (d.toMillis() % 1000 != 0) return d.toMillis() + "ms";
    long s = d.toSeconds();
    return s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    return find(t, type) != null;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) return type.cast(c);
    }
    return null;
  }

  private static String deepestMessage(Throwable t) {
    String msg = null;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) msg = c.getMessage();
    }
    return msg == null ? null : msg.replaceAll("^[a-zA-Z0-9_.]+(Exception|Error): ", "");
  }

  private static String allMessages(Throwable t) {
    var b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null) b.append(c.getMessage()).append('\n');
    }
    return b.toString();
  }
}
