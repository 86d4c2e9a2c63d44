package aegis.adapters.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.eval.Value;
import aegis.sandbox.vault.FakeVaultServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The typed client over the Vault Java Driver, against the fake Vault's HTTP API. */
class VaultClientTest {
  private static final java.net.http.HttpClient HTTP = VaultClient.newHttpClient(Duration.ofSeconds(2));

  private FakeVaultServer server;

  @AfterEach
  void stop() { if (server != null) server.stop(); }

  private VaultClient client(String token) {
    var endpoint = new VaultEndpoint(URI.create(server.address()), new VaultEndpoint.TokenSource.FromEnv("VAULT_TOKEN"),
        null, Duration.ofSeconds(5));
    return new VaultClient(endpoint, HTTP, () -> token, endpoint.timeout());
  }

  @Test
  void healthReportsEveryStateWithoutFailing() throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var client = client(null);
    var fresh = client.health();
    assertEquals(501, fresh.status());
    assertFalse(fresh.initialized());

    var keys = client.init(3, 2);
    var sealed = client.health();
    assertEquals(503, sealed.status());
    assertTrue(sealed.initialized() && sealed.sealed());

    client.unseal(keys.keys().get(0));
    client.unseal(keys.keys().get(1));
    var active = client.health();
    assertEquals(200, active.status());
    assertTrue(active.initialized() && !active.sealed() && !active.standby());
    assertEquals(FakeVaultServer.VERSION, active.version());

    server.standby(true);
    var standby = client.health();
    assertEquals(429, standby.status());
    assertTrue(standby.standby());
  }

  @Test
  void initGivesSecretsAndUnsealReportsProgress() throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var client = client(null);
    var keys = client.init(5, 3);
    assertEquals(5, keys.keys().size());
    assertEquals(5, keys.keysBase64().size());
    assertTrue(keys.rootToken().reveal().startsWith("hvs."));
    assertFalse(keys.toString().contains(keys.rootToken().reveal()), "the record's text shows no secret");

    var status = client.sealStatus();
    assertTrue(status.initialized() && status.sealed());
    assertEquals(3, status.threshold());
    assertEquals(5, status.shares());
    assertEquals(1, client.unseal(keys.keysBase64().get(4)).progress());
    assertEquals(2, client.unseal(keys.keys().get(2)).progress());
    var open = client.unseal(keys.keys().get(0));
    assertFalse(open.sealed());

    var again = assertThrows(AdapterException.class, () -> client.init(1, 1));
    assertTrue(again.getMessage().contains("Vault is already initialized"), again.getMessage());
  }

  @Test
  void aWrongShareIsRefusedAndProgressStartsAgain() throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var client = client(null);
    var keys = client.init(3, 2);
    client.unseal(keys.keys().get(0));
    var e = assertThrows(AdapterException.class, () -> client.unseal(new Value.Secret("ab".repeat(32))));
    assertTrue(e.getMessage().contains("refused the key share"), e.getMessage());
    assertEquals(0, client.sealStatus().progress());
  }

  @Test
  void readsTheNewestOrAGivenVersionWithJsonValuesAsText() throws Exception {
    server = FakeVaultServer.dev("root").start();
    server.putSecret("secret", "aegis/postgresql", Map.of("password", "first"));
    server.putSecret("secret", "aegis/postgresql", Map.of("password", "second", "port", 5432, "tls", true));
    var client = client("root");

    var newest = client.read("secret/aegis/postgresql", null).orElseThrow();
    assertEquals(2, newest.version());
    assertEquals("second", newest.data().get("password").reveal());
    assertEquals("5432", newest.data().get("port").reveal());
    assertEquals("true", newest.data().get("tls").reveal());
    assertFalse(newest.createdTime().isEmpty());

    assertEquals("first", client.read("secret/aegis/postgresql", 1).orElseThrow().data().get("password").reveal());
    assertTrue(client.read("secret/aegis/postgresql", 7).isEmpty());
    assertTrue(client.read("secret/aegis/absent", null).isEmpty());
  }

  @Test
  void writesVersionsWithCheckAndSet() throws Exception {
    server = FakeVaultServer.dev("root").start();
    var client = client("root");
    assertEquals(1, client.write("secret/app/db", Map.of("password", new Value.Secret("alpha-1")), 0));
    assertEquals(2, client.write("secret/app/db", Map.of("password", new Value.Secret("bravo-2")), null));
    var stale = assertThrows(AdapterException.class,
        () -> client.write("secret/app/db", Map.of("password", new Value.Secret("charlie-3")), 1));
    assertTrue(stale.getMessage().contains("check-and-set"), stale.getMessage());
    assertEquals("bravo-2", client.read("secret/app/db", null).orElseThrow().data().get("password").reveal());
  }

  @Test
  void aBadTokenIsPermissionDeniedNamingWhereTheTokenCameFrom() throws Exception {
    server = FakeVaultServer.dev("root").start();
    var e = assertThrows(AdapterException.class, () -> client("wrong").read("secret/x/y", null));
    assertTrue(e.getMessage().contains("permission denied (HTTP 403)"), e.getMessage());
    assertTrue(e.getMessage().contains("$VAULT_TOKEN"), e.getMessage());
    assertEquals("vault", e.system());
  }

  @Test
  void aSealedVaultIsReportedAsSealed() throws Exception {
    server = FakeVaultServer.dev("root").start();
    server.seal();
    var read = assertThrows(AdapterException.class, () -> client("root").read("secret/x/y", null));
    assertTrue(read.getMessage().contains("Vault is sealed (HTTP 503)"), read.getMessage());
    var write = assertThrows(AdapterException.class,
        () -> client("root").write("secret/x/y", Map.of("k", new Value.Secret("v")), null));
    assertTrue(write.getMessage().contains("sealed"), write.getMessage());
  }

  @Test
  void anUnreachableVaultIsNamed() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) { port = socket.getLocalPort(); }
    var endpoint = new VaultEndpoint(URI.create("http://127.0.0.1:" + port), new VaultEndpoint.TokenSource.FromEnv("T"),
        null, Duration.ofSeconds(2));
    var client = new VaultClient(endpoint, HTTP, () -> "t", endpoint.timeout());
    var health = assertThrows(AdapterException.class, client::health);
    assertTrue(health.getMessage().contains("cannot reach Vault at http://127.0.0.1:" + port), health.getMessage());
    var init = assertThrows(AdapterException.class, () -> client.init(1, 1));
    assertTrue(init.getMessage().contains("connection refused"), init.getMessage());
  }

  @Test
  void pathsMustNameAMountAndASecret() throws Exception {
    server = FakeVaultServer.dev("root").start();
    var e = assertThrows(AdapterException.class, () -> client("root").read("secret", null));
    assertTrue(e.getMessage().contains("mount first"), e.getMessage());
    assertThrows(AdapterException.class, () -> client("root").read("secret/a b", null));
    assertTrue(server.requests().isEmpty(), "nothing is sent for a bad path");
  }

  @Test
  void vaultErrorsThatQuoteASecretAreWithheldWhole() {
    var quoting = "{\"errors\":[\"bad value s3cr3t-value in field\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var endpoint = new VaultEndpoint(URI.create("http://127.0.0.1:1"), new VaultEndpoint.TokenSource.FromEnv("T"), null, Duration.ofSeconds(1));
    var e = VaultFailures.refused(endpoint, "vault.write secret/a/b", 400, quoting, java.util.List.of("s3cr3t-value"));
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertTrue(e.getMessage().contains("withheld"), e.getMessage());
    var plain = VaultFailures.refused(endpoint, "vault.write secret/a/b", 400, quoting, java.util.List.of("other"));
    assertTrue(plain.getMessage().contains("bad value"), plain.getMessage());
  }
}
