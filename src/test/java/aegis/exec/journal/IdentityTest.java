package aegis.exec.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class IdentityTest {
  @Test
  void theHostNameIsTheOneTheResolverWouldGiveWithoutAskingIt() {
    String resolved;
    try {
      resolved = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      resolved = null;
    }
    assumeTrue(resolved != null, "this machine's name does not resolve");
    assertEquals(resolved, Identity.hostName());
  }

  @Test
  void blankPartsAreUnknown() {
    var who = new Identity(" ", "", 7);
    assertEquals("unknown@unknown pid 7", who.toString());
  }
}
