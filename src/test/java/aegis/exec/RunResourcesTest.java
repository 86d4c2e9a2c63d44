package aegis.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's resources: made once, and a resource made while making another is fine. */
class RunResourcesTest {
  @Test
  void aResourceMayAskForAnotherWhileItIsMade() {
    var closed = new ArrayList<String>();
    List<Object> made = new ArrayList<>();
    try (var resources = new RunResources()) {
      // As a Vault credential does: its creator asks for the run's HTTP client.
      AutoCloseable credential = resources.get("credential", () -> {
        AutoCloseable client = resources.get("http", () -> () -> closed.add("http"));
        made.add(client);
        return () -> closed.add("credential");
      });
      assertSame(credential, resources.<AutoCloseable>get("credential", () -> () -> closed.add("again")));
      assertSame(made.getFirst(), resources.<AutoCloseable>get("http", () -> () -> closed.add("again")));
    }
    assertEquals(List.of("credential", "http"), closed, "the last made is closed first");
  }
}
