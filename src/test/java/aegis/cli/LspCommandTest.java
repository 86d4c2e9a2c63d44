package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code aegis lsp} speaks framed JSON-RPC on its streams: initialize, open, hover, shutdown, exit. */
class LspCommandTest {
  private static String frame(String json) {
    return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
  }

  @Test
  void answersRequestsOnItsStreamsAndExitsZeroAfterShutdown() {
    var input = frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}")
        + frame("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}")
        + frame("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
            + "{\"uri\":\"untitled:one\",\"languageId\":\"aegis\",\"version\":1,\"text\":\"runbook r \\\"x\\\"\\nstep \\\"a\\\" { check nope else fail \\\"no\\\" }\\n\"}}}")
        + frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"untitled:one\"},"
            + "\"position\":{\"line\":1,\"character\":18}}}")
        + frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}")
        + frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    var out = new ByteArrayOutputStream();
    var exitCode = new AtomicInteger(-1);
    var cmd = new LspCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, exitCode::set);
    int returned = new CommandLine(cmd).execute();
    String written = out.toString(StandardCharsets.UTF_8);
    assertTrue(written.contains("\"textDocumentSync\""), written);
    assertTrue(written.contains("\"id\":2"), "hover answered: " + written);
    assertTrue(written.contains("\"id\":3"), "shutdown answered: " + written);
    assertEquals(0, exitCode.get());
    assertEquals(0, returned);
  }
}
