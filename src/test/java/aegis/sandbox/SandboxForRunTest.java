package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --env sandbox} with no sandbox running: the command starts what its runbook needs, in its
 * own process, and stops it when it ends. The runbook here needs only the servers that start in
 * milliseconds, so the test does not wait for a database.
 */
@Tag("sandbox")
class SandboxForRunTest {
  @TempDir
  Path dir;

  private static final String RUNBOOK = """
      runbook cheap "Calls only servers that start at once"

      import http
      import prom

      param env: Environment

      step "health and metrics" {
        let r = http.get(env.service("api-gateway").healthUrl(), timeout: 5s)
        check r.status == 200 else fail "api-gateway answered ${r.status}"
        let up = prom.query(env.prometheusUrl, "up")
        check up.size() == 9 else fail "up has ${up.size()} series"
      }
      """;

  @Test
  void aCommandStartsWhatItsRunbookNeedsAndStopsItAfterwards() throws Exception {
    var layout = SandboxLayoutTest.sandbox();
    var all = SandboxNeeds.all().stream().flatMap(c -> c.ports(layout).stream()).toList();
    assertEquals(List.of(), all.stream().filter(PortProbe::listening).toList(), "no sandbox runs here");
    Files.writeString(dir.resolve("cheap.aegis"), RUNBOOK);

    var r = new AegisCli(dir).run("run", dir.resolve("cheap.aegis").toString(), "--env", "sandbox");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().startsWith("aegis: the sandbox is not running; starting Vault, Prometheus, Alertmanager, SMTP, "
        + "HTTP fixtures, TLS endpoint in this process; not needed by this runbook: PostgreSQL, Neo4j, Kubernetes API...\n"
        + "aegis: sandbox up in "), r::toString);
    assertTrue(r.out().contains("run ") && r.out().contains(" succeeded"), r::toString);
    assertEquals(List.of(), all.stream().filter(PortProbe::listening).toList(), "stopped with the command");
    assertFalse(Files.exists(layout.vault().tokenFile()), "its Vault token went with it");
  }
}
