package aegis.adapters.notify;

import aegis.eval.Value;

/**
 * An SMTP relay, its login resolved. Port 465 means implicit TLS (SMTPS); otherwise
 * {@code startTls} decides whether STARTTLS is required before anything is sent.
 *
 * @param user     login user, or null for an unauthenticated relay
 * @param password the user's password (a {@link Value.Secret}: this record's text never shows it), or null
 */
public record MailServer(String host, int port, String from, boolean startTls, String user, Value.Secret password) {
  /** {@code host:port}, for messages and plan targets. */
  public String display() { return host + ":" + port; }

  boolean implicitTls() { return port == 465; }
}
