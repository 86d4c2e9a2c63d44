package aegis.exec.journal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who runs something: the OS user, the host name and the process id. Recorded when a run starts
 * or resumes, and by environment locks to name (and check the liveness of) their holder.
 */
public record Identity(String user, String host, long pid) {
  public Identity {
    if (user == null || user.isBlank()) user = "unknown";
    if (host == null || host.isBlank()) host = "unknown";
  }

  /** This process. */
  public static Identity current() {
    return new Identity(System.getProperty("user.name"), hostName(), ProcessHandle.current().pid());
  }

  /** This machine's host name, as recorded in journals and locks. */
  public static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // A machine whose own name does not resolve still has a name; the message carries it.
      String message = e.getMessage();
      int colon = message == null ? -1 : message.indexOf(':');
      return colon > 0 ? message.substring(0, colon) : "unknown";
    }
  }

  @Override public String toString() { return user + "@" + host + " pid " + pid; }
}
