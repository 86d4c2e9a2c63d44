package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.exec.Workspace;
import aegis.types.Checker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox reads its ports and files from environments/sandbox.aegis, and nothing else. */
class SandboxLayoutTest {
  static final Path ROOT = Path.of("").toAbsolutePath();

  static SandboxLayout sandbox() throws Exception {
    return SandboxLayout.of(new Workspace(Checker.standard(), ROOT).environment("sandbox"));
  }

  @Test
  void thePortsAreThoseTheEnvironmentsHeaderLists() throws Exception {
    var layout = sandbox();
    assertEquals(15432, layout.postgres().port());
    assertEquals("aegisshield", layout.postgres().database());
    assertEquals("postgres", layout.postgres().user());
    assertNull(layout.postgres().password(), "trust authentication: no password credential");
    assertEquals(new SandboxLayout.Neo4j(17687, 17474), layout.neo4j());
    assertEquals(18200, layout.vault().port());
    assertEquals(new SandboxLayout.Cluster(16443, "monitoring", "aegisshield", "aegisshield-tls", "sandbox-selfsigned"),
        layout.cluster());
    assertEquals(19090, layout.prometheusPort());
    assertEquals(19093, layout.alertmanagerPort());
    assertEquals(13025, layout.smtpPort());
    assertEquals(18080, layout.fixtures().port());
    assertEquals(new SandboxLayout.Tls("localhost", 18443,
        java.nio.file.Path.of(System.getProperty("user.home"), ".aegis", "sandbox", "ca.pem")), layout.tls());
  }

  @Test
  void everyComponentHasItsPorts() throws Exception {
    var layout = sandbox();
    assertEquals(List.of(17687, 17474), Component.NEO4J.ports(layout));
    for (var c : Component.values()) assertTrue(!c.ports(layout).isEmpty(), c + " has a port");
  }

  @Test
  void theFixturesServeTheBackendServicesButNotVaultNeo4jOrPostgres() throws Exception {
    var fixtures = sandbox().fixtures();
    assertEquals(Map.of("/data-ingestion", "/health", "/entity-resolution", "/health", "/graph-engine", "/health",
        "/alert-engine", "/health", "/api-gateway", "/health", "/frontend", "/health"), fixtures.healthPaths());
  }

  @Test
  void filesLiveWhereTheVaultTokenFileSays() throws Exception {
    var layout = sandbox();
    var home = Path.of(System.getProperty("user.home"));
    assertEquals(home.resolve(".aegis/sandbox/vault-token"), layout.vault().tokenFile());
    assertEquals(home.resolve(".aegis/sandbox/vault-init-keys.json"), layout.vault().initKeysFile());
    assertEquals(home.resolve(".aegis/sandbox"), layout.directory());
  }

  @Test
  void theSlackWebhookIsACredentialTheSandboxSeedsWithItsOwnUrl() throws Exception {
    var layout = sandbox();
    assertEquals(List.of(new SandboxLayout.CredentialSpec("secret/sandbox/slack", "webhook-url", "slack.webhook")),
        layout.credentials());
    assertEquals("http://127.0.0.1:18080/slack", layout.slackWebhookUrl());
  }

  @Test
  void anEnvironmentOnOtherMachinesIsNoSandbox() throws Exception {
    var production = new Workspace(Checker.standard(), ROOT).environment("production");
    var e = assertThrows(SandboxException.class, () -> SandboxLayout.of(production));
    assertTrue(e.getMessage().contains("serves everything on 127.0.0.1"), e.getMessage());
  }
}
