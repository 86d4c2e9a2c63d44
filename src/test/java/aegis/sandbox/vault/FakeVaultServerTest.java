package aegis.sandbox.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake answers with Vault's documented status codes and JSON, over real HTTP. */
class FakeVaultServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FakeVaultServer server;

  record Answer(int status, JsonNode body, String contentType) {}

  @AfterEach
  void stop() { if (server != null) server.stop(); }

  private Answer call(String method, String path, String token, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(server.address() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) request.header("X-Vault-Token", token);
    var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    var text = response.body();
    return new Answer(response.statusCode(), text.isEmpty() ? null : JSON.readTree(text),
        response.headers().firstValue("Content-Type").orElse(""));
  }

  private JsonNode init(int shares, int threshold) throws Exception {
    var answer = call("PUT", "/v1/sys/init", null,
        "{\"secret_shares\":" + shares + ",\"secret_threshold\":" + threshold + "}");
    assertEquals(200, answer.status());
    return answer.body();
  }

  private Answer unseal(String key) throws Exception {
    return call("PUT", "/v1/sys/unseal", null, "{\"key\":\"" + key + "\"}");
  }

  @Test
  void healthFollowsTheLifecycleWithVaultsStatusCodes() throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var uninitialised = call("GET", "/v1/sys/health", null, null);
    assertEquals(501, uninitialised.status());
    assertFalse(uninitialised.body().get("initialized").asBoolean());
    assertEquals("application/json", uninitialised.contentType());

    var keys = init(3, 2);
    var sealed = call("GET", "/v1/sys/health", null, null);
    assertEquals(503, sealed.status());
    assertTrue(sealed.body().get("initialized").asBoolean());
    assertTrue(sealed.body().get("sealed").asBoolean());

    unseal(keys.get("keys").get(0).asText());
    unseal(keys.get("keys").get(2).asText());
    var active = call("GET", "/v1/sys/health", null, null);
    assertEquals(200, active.status());
    assertFalse(active.body().get("sealed").asBoolean());
    assertEquals(FakeVaultServer.VERSION, active.body().get("version").asText());

    server.standby(true);
    assertEquals(429, call("GET", "/v1/sys/health", null, null).status());
    assertEquals(200, call("GET", "/v1/sys/health?standbyok=true", null, null).status());
    server.seal();
    assertEquals(200, call("GET", "/v1/sys/health?sealedcode=200", null, null).status());
    var head = call("HEAD", "/v1/sys/health", null, null);
    assertEquals(503, head.status());
    assertEquals(null, head.body());
  }

  @Test
  void initAnswersKeysOnceAndChecksTheThreshold() throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var bad = call("PUT", "/v1/sys/init", null, "{\"secret_shares\":3,\"secret_threshold\":4}");
    assertEquals(400, bad.status());
    assertEquals("invalid seal configuration: threshold cannot be larger than shares", bad.body().get("errors").get(0).asText());
    assertEquals(400, call("PUT", "/v1/sys/init", null, "{\"secret_shares\":3,\"secret_threshold\":1}").status());

    var keys = init(5, 3);
    assertEquals(5, keys.get("keys").size());
    assertEquals(5, keys.get("keys_base64").size());
    assertTrue(keys.get("root_token").asText().startsWith("hvs."));
    assertTrue(call("GET", "/v1/sys/init", null, null).body().get("initialized").asBoolean());

    var again = call("POST", "/v1/sys/init", null, "{\"secret_shares\":1,\"secret_threshold\":1}");
    assertEquals(400, again.status());
    assertEquals("Vault is already initialized", again.body().get("errors").get(0).asText());
  }

  @Test
  void unsealCountsDistinctSharesAndResetsOnAWrongOne() throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var keys = init(5, 3).get("keys");
    var status = call("GET", "/v1/sys/seal-status", null, null).body();
    assertEquals(3, status.get("t").asInt());
    assertEquals(5, status.get("n").asInt());
    assertEquals("shamir", status.get("type").asText());

    assertEquals(1, unseal(keys.get(0).asText()).body().get("progress").asInt());
    assertEquals(1, unseal(keys.get(0).asText()).body().get("progress").asInt(), "a share already given is ignored");
    assertEquals(2, unseal(keys.get(1).asText()).body().get("progress").asInt());
    var wrong = unseal("00".repeat(32));
    assertEquals(400, wrong.status());
    assertEquals(0, call("GET", "/v1/sys/seal-status", null, null).body().get("progress").asInt());
    assertEquals(400, unseal("not a key!").status());

    unseal(keys.get(4).asText());
    unseal(keys.get(3).asText());
    // base64 shares are accepted as well
    var done = call("PUT", "/v1/sys/unseal", null, "{\"key\":\"" + init64(keys) + "\"}");
    assertFalse(done.body().get("sealed").asBoolean());
    assertEquals(0, done.body().get("progress").asInt());
  }

  private static String init64(JsonNode hexKeys) {
    return java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(hexKeys.get(2).asText()));
  }

  @Test
  void kvVersion2StoresVersionsWithMetadata() throws Exception {
    server = FakeVaultServer.dev("root-token").start();
    var first = call("POST", "/v1/secret/data/aegis/postgresql", "root-token", "{\"data\":{\"password\":\"one\",\"port\":5432}}");
    assertEquals(200, first.status());
    assertEquals(1, first.body().get("data").get("version").asInt());
    assertFalse(first.body().get("data").get("created_time").asText().isEmpty());
    call("PUT", "/v1/secret/data/aegis/postgresql", "root-token", "{\"data\":{\"password\":\"two\"}}");

    var newest = call("GET", "/v1/secret/data/aegis/postgresql", "root-token", null);
    assertEquals(200, newest.status());
    assertEquals("two", newest.body().get("data").get("data").get("password").asText());
    assertEquals(2, newest.body().get("data").get("metadata").get("version").asInt());
    assertEquals("", newest.body().get("lease_id").asText());

    var old = call("GET", "/v1/secret/data/aegis/postgresql?version=1", "root-token", null).body();
    assertEquals("one", old.get("data").get("data").get("password").asText());
    assertEquals(5432, old.get("data").get("data").get("port").asInt(), "JSON types survive");

    var missingVersion = call("GET", "/v1/secret/data/aegis/postgresql?version=9", "root-token", null);
    assertEquals(404, missingVersion.status());
    var missing = call("GET", "/v1/secret/data/aegis/nothing", "root-token", null);
    assertEquals(404, missing.status());
    assertEquals(JSON.readTree("{\"errors\":[]}"), missing.body());
  }

  @Test
  void checkAndSetRefusesAStaleVersion() throws Exception {
    server = FakeVaultServer.dev("t").start();
    assertEquals(200, call("POST", "/v1/secret/data/x", "t", "{\"data\":{\"a\":\"1\"},\"options\":{\"cas\":0}}").status());
    var stale = call("POST", "/v1/secret/data/x", "t", "{\"data\":{\"a\":\"2\"},\"options\":{\"cas\":0}}");
    assertEquals(400, stale.status());
    assertEquals("check-and-set parameter did not match the current version", stale.body().get("errors").get(0).asText());
    assertEquals(200, call("POST", "/v1/secret/data/x", "t", "{\"data\":{\"a\":\"2\"},\"options\":{\"cas\":1}}").status());
  }

  @Test
  void aBadOrMissingTokenIsPermissionDenied() throws Exception {
    server = FakeVaultServer.dev("good").start();
    var expected = JSON.readTree("{\"errors\":[\"permission denied\"]}");
    var bad = call("GET", "/v1/secret/data/x", "bad", null);
    assertEquals(403, bad.status());
    assertEquals(expected, bad.body());
    assertEquals(403, call("GET", "/v1/secret/data/x", null, null).status());
    assertEquals(403, call("PUT", "/v1/sys/seal", "bad", null).status());
  }

  @Test
  void aSealedVaultAnswers503ToEverythingButTheSysEndpoints() throws Exception {
    server = FakeVaultServer.dev("t").start();
    server.putSecret("secret", "x", Map.of("a", "1"));
    var seal = call("PUT", "/v1/sys/seal", "t", null);
    assertEquals(204, seal.status());
    assertEquals("application/json", seal.contentType());
    assertTrue(server.sealed());
    var read = call("GET", "/v1/secret/data/x", "t", null);
    assertEquals(503, read.status());
    assertEquals(JSON.readTree("{\"errors\":[\"Vault is sealed\"]}"), read.body());
    assertEquals(200, call("GET", "/v1/sys/seal-status", null, null).status());

    unseal(server.devUnsealKeys().getFirst());
    assertEquals("1", call("GET", "/v1/secret/data/x", "t", null).body().get("data").get("data").get("a").asText());
  }

  @Test
  void unknownRoutesAndMountsAre404() throws Exception {
    server = FakeVaultServer.dev("t").start();
    assertEquals(404, call("GET", "/v1/kv/data/x", "t", null).status());
    assertEquals(404, call("GET", "/v1/secret/data/a/../b", "t", null).status());
    assertEquals(404, call("GET", "/v1/sys/nothing", "t", null).status());
    server.addKvMount("kv");
    assertEquals(404, call("GET", "/v1/kv/data/x", "t", null).status());
    assertEquals(200, call("POST", "/v1/kv/data/x", "t", "{\"data\":{}}").status());
  }

  @Test
  void recordsRequestsWithoutBodiesAndStopsListening() throws Exception {
    server = FakeVaultServer.dev("t").start();
    call("POST", "/v1/secret/data/x?ignored=1", "t", "{\"data\":{\"a\":\"canary\"}}");
    assertEquals(List.of("POST /v1/secret/data/x"), server.requests());
    var address = server.address();
    server.stop();
    assertThrows(IOException.class, () -> HTTP.send(HttpRequest.newBuilder(URI.create(address + "/v1/sys/health")).build(),
        HttpResponse.BodyHandlers.ofString()));
  }
}
