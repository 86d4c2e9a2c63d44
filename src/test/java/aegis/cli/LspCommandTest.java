package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
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
        + frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}");
    var out = new ByteArrayOutputStream();
    // Like an editor, send `exit` only once `shutdown` is answered, then close the stream.
    InputStream exitAfterShutdown = new InputStream() {
      private InputStream rest;

      @Override
      public int read() throws IOException {
        if (rest == null) {
          long deadline = System.nanoTime() + 30_000_000_000L;
          while (!out.toString(StandardCharsets.UTF_8).contains("\"id\":3") && System.nanoTime() < deadline) {
            try {
              Thread.sleep(5);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              break;
            }
          }
          rest = new ByteArrayInputStream(frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}").getBytes(StandardCharsets.UTF_8));
        }
        return rest.read();
      }
    };
    var in = new SequenceInputStream(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), exitAfterShutdown);
    var exitCode = new AtomicInteger(-1);
    var cmd = new LspCommand(in, out, exitCode::set);
    int returned = new CommandLine(cmd.spec()).execute();
    String written = out.toString(StandardCharsets.UTF_8);
    assertTrue(written.contains("\"textDocumentSync\""), written);
    assertTrue(written.contains("\"id\":2"), "hover answered: " + written);
    assertTrue(written.contains("\"id\":3"), "shutdown answered: " + written);
    assertEquals(0, exitCode.get());
    assertEquals(0, returned);
  }
}
