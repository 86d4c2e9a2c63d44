package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.vault.VaultClient;
import aegis.adapters.vault.VaultEndpoint;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's Vault, read by the vault adapter's client with the token the sandbox wrote. */
class SandboxVaultTest {
  @TempDir
  Path dir;

  /** The sandbox environment's layout with Vault on a free port and its files in {@code dir}. */
  static SandboxLayout layoutIn(Path dir) throws Exception {
    var layout = SandboxLayoutTest.sandbox();
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var vault = new SandboxLayout.Vault(port, dir.resolve("vault-token"), dir.resolve("vault-init-keys.json"));
    return new SandboxLayout(layout.namespace(), dir, layout.postgres(), layout.neo4j(), vault, layout.cluster(),
        layout.prometheusPort(), layout.alertmanagerPort(), layout.smtpPort(), layout.fixtures(), layout.tls(),
        layout.services(), layout.credentials());
  }

  private static VaultClient client(SandboxLayout layout) throws Exception {
    var file = layout.vault().tokenFile();
    var endpoint = new VaultEndpoint(URI.create("http://127.0.0.1:" + layout.vault().port()),
        new VaultEndpoint.TokenSource.FromFile(file), null, Duration.ofSeconds(5));
    return new VaultClient(endpoint, VaultClient.newHttpClient(Duration.ofSeconds(5)),
        () -> endpoint.readToken(name -> null), Duration.ofSeconds(5));
  }

  @Test
  void seededItIsUnsealedWithTheEnvironmentsCredentialsAndDeploysSecrets() throws Exception {
    var layout = layoutIn(dir);
    try (var vault = SandboxVault.start(layout, true, Map.of())) {
      var token = layout.vault().tokenFile();
      assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(token));
      assertTrue(Files.readString(token).startsWith("hvs.sandbox"));
      var client = client(layout);
      var status = client.sealStatus();
      assertTrue(status.initialized() && !status.sealed(), status::toString);
      var slack = client.read("secret/sandbox/slack", null).orElseThrow();
      assertEquals(layout.slackWebhookUrl(), slack.data().get("webhook-url").reveal());
      assertEquals(Set.of("username", "password"), client.read("secret/aegis/postgresql", null).orElseThrow().data().keySet());
      assertEquals("postgres", client.read("secret/aegis/postgresql", null).orElseThrow().data().get("username").reveal());
      assertTrue(client.read("secret/aegis/jwt", null).isPresent());
      assertTrue(client.read("secret/aegis/encryption", null).isPresent());
      assertTrue(vault.describe().getFirst().contains("root token in " + token), vault.describe()::toString);
    }
    assertFalse(Files.exists(layout.vault().tokenFile()), "the token died with the sandbox; so does its file");
  }

  @Test
  void aPasswordGivenToADatabaseIsTheOneInVault() throws Exception {
    var layout = layoutIn(dir);
    try (var vault = SandboxVault.start(layout, true, Map.of("postgres.password", "s3cretFromTheSandbox"))) {
      var secret = client(layout).read("secret/aegis/postgresql", null).orElseThrow();
      assertEquals("s3cretFromTheSandbox", secret.data().get("password").reveal());
    }
  }

  @Test
  void unseededItWasNeverInitialisedAndAStaleTokenFileGoes() throws Exception {
    var layout = layoutIn(dir);
    Files.writeString(layout.vault().tokenFile(), "hvs.fromAnEarlierSandbox\n");
    try (var vault = SandboxVault.start(layout, false, Map.of())) {
      assertFalse(Files.exists(layout.vault().tokenFile()));
      var status = client(layout).sealStatus();
      assertFalse(status.initialized(), status::toString);
      assertTrue(vault.describe().getFirst().contains("never initialised"), vault.describe()::toString);
    }
  }
}
