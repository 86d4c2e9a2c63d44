package aegis.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether something already listens on the sandbox's ports: a sandbox kept up by
 * {@code aegis sandbox} in another terminal (then a run uses it), or another program (then the
 * sandbox cannot start there). On the loopback interface a closed port refuses at once.
 */
public final class PortProbe {
  private static final int TIMEOUT_MILLIS = 250;

  private PortProbe() {}

  /** Whether a TCP connection to 127.0.0.1:{@code port} is accepted. */
  public static boolean listening(int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The components of {@code wanted} with every one of their ports answering. */
  public static Set<Component> served(SandboxLayout layout, Set<Component> wanted) {
    var served = EnumSet.noneOf(Component.class);
    for (var c : wanted) {
      var ports = c.ports(layout);
      if (!ports.isEmpty() && ports.stream().allMatch(PortProbe::listening)) served.add(c);
    }
    return served;
  }
}
