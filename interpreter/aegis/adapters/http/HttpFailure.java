package aegis.adapters.http;

/**
 * Why an HTTP call or TLS inspection got no answer: a kind a runbook can branch on and a message a
 * person can act on. Never a stack trace.
 *
 * @param message e.g. {@code connection refused by 127.0.0.1:8443}
 */
public record HttpFailure(Kind kind, String message) {

  /** The ways a call can fail before there is a response. */
  public enum Kind {
    /** Nothing listens on the port (or a firewall rejects). */
    REFUSED,
    /** No complete answer within the timeout (connect, headers or body). */
    TIMEOUT,
    /** The host name does not resolve. */
    DNS,
    /** The TLS handshake failed: untrusted or expired certificate, wrong host name, not TLS at all. */
    TLS,
    /** Any other network failure: connection reset, closed early, malformed response. */
    IO,
    /** The request itself is wrong: a malformed URL, an unsupported scheme, a header that cannot be set. */
    INVALID
  }

  public HttpFailure {
    if (kind == null || message == null || message.isBlank()) throw new IllegalArgumentException("a failure needs a kind and a message");
  }

  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
