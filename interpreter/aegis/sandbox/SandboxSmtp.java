package aegis.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;

/**
 * The sandbox's mail relay: GreenMail's SMTP server on the environment's port, accepting every
 * message without authentication and keeping it in memory, where tests (and a curious user with
 * an IMAP client, were it enabled) can read it.
 */
final class SandboxSmtp implements SandboxServer {
  private final int port;
  private final GreenMail mail;

  private SandboxSmtp(int port, GreenMail mail) {
    this.port = port;
    this.mail = mail;
  }

  static SandboxSmtp start(int port) throws SandboxException {
    if (PortProbe.listening(port)) throw LoopbackHttp.portTaken(port, "SMTP server");
    var mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    try {
      mail.start();
    } catch (RuntimeException e) {
      throw new SandboxException("the sandbox's SMTP server did not start: " + e.getMessage(), e);
    }
    return new SandboxSmtp(port, mail);
  }

  /** Subjects of the messages received so far, oldest first. */
  List<String> subjects() {
    var out = new java.util.ArrayList<String>();
    for (var m : mail.getReceivedMessages()) {
      try {
        out.add(m.getSubject());
      } catch (jakarta.mail.MessagingException e) {
        out.add("(unreadable)");
      }
    }
    return out;
  }

  @Override
  public Component component() { return Component.SMTP; }

  @Override
  public List<String> describe() {
    return List.of("127.0.0.1:" + port + " (GreenMail: every message accepted, kept in memory)");
  }

  @Override
  public void close() { mail.stop(); }
}
