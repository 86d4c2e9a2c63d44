package aegis.exec.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who runs something: the OS user, the host name and the process id. Recorded when a run starts
 * or resumes, and by environment locks to name (and check the liveness of) their holder.
 */
public record Identity(String user, String host, long pid) {
  private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

  public Identity {
    if (user == null || user.isBlank()) user = "unknown";
    if (host == null || host.isBlank()) host = "unknown";
  }

  /** This process. */
  public static Identity current() {
    return new Identity(System.getProperty("user.name"), hostName(), ProcessHandle.current().pid());
  }

  /**
   * This machine's host name, as recorded in journals and locks: the kernel's (what {@code hostname}
   * prints), read from {@code /proc} on Linux. {@code InetAddress.getLocalHost()} gives the same name
   * but resolves it to an address first, ~10 ms at the start of every run; it is the fallback.
   */
  public static String hostName() {
    try {
      String kernel = Files.readString(KERNEL_HOST_NAME).strip();
      if (!kernel.isEmpty()) return kernel;
    } catch (IOException | RuntimeException notLinux) {
      // Not Linux, or no /proc: ask the resolver.
    }
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
