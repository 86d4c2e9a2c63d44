package aegis.sandbox.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process HTTP server that answers the parts of HashiCorp Vault's HTTP API aegis uses, with
 * Vault's documented status codes and JSON. The tests of the {@code vault} adapter run against it,
 * and {@code aegis sandbox} starts one in place of a real Vault. It binds to 127.0.0.1 only.
 *
 * <p>Implemented (all under {@code /v1/}):
 * <ul>
 *   <li>{@code GET} and {@code HEAD sys/health}: 200 active, 429 unsealed standby, 501 not initialised, 503 sealed;
 *       the query parameters {@code standbyok}, {@code activecode}, {@code standbycode},
 *       {@code sealedcode} and {@code uninitcode}.
 *   <li>{@code GET sys/seal-status}: {@code type, initialized, sealed, t, n, progress, nonce,
 *       version, migration, recovery_seal, storage_type} (plus cluster name and id when unsealed).
 *   <li>{@code GET sys/init} ({@code {"initialized": bool}}) and {@code PUT/POST sys/init} with
 *       {@code secret_shares} and {@code secret_threshold}: answers {@code keys}, {@code keys_base64}
 *       and {@code root_token}, and leaves Vault initialised and sealed; 400 when already
 *       initialised or when the threshold is invalid.
 *   <li>{@code PUT/POST sys/unseal} with {@code key} (hex or base64) or {@code reset}: answers the
 *       seal status; a share already given is ignored; {@code threshold} distinct genuine shares
 *       unseal, a wrong share makes the attempt fail with 400 and resets the progress.
 *   <li>{@code PUT/POST sys/seal} (needs a token): 204.
 *   <li>KV version 2 on the mount {@code secret} (more with {@link #addKvMount}):
 *       {@code GET <mount>/data/<path>[?version=N]} answers {@code data.data} and
 *       {@code data.metadata} ({@code version, created_time, deletion_time, destroyed,
 *       custom_metadata}); {@code PUT/POST <mount>/data/<path>} with {@code data} and optional
 *       {@code options.cas} stores a new version and answers its metadata; 404 {@code {"errors":[]}}
 *       for a missing secret or version, 400 for a check-and-set mismatch.
 *   <li>Everything but health, seal status, init and unseal needs a valid token
 *       ({@code X-Vault-Token} or {@code Authorization: Bearer}), else 403
 *       {@code {"errors":["permission denied"]}}; while sealed it answers 503
 *       {@code {"errors":["Vault is sealed"]}}. Unknown routes answer 404.
 * </ul>
 *
 * <p>Not implemented: auth methods, policies (every valid token is root), other secrets engines,
 * KV metadata, delete, undelete and destroy, leases, response wrapping, namespaces, replication,
 * TLS. Unseal keys are random, not Shamir shares.
 */
public final class FakeVaultServer implements AutoCloseable {
  /** The version this server reports, a Vault release whose API it follows. */
  public static final String VERSION = "1.17.0";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String CLUSTER_ID = UUID.randomUUID().toString();

  private final VaultState state = new VaultState();
  private final List<String> requests = new ArrayList<>();
  private final List<String> devKeys;
  private HttpServer server;
  private ExecutorService executor;

  private FakeVaultServer(String devRootToken) {
    devKeys = devRootToken == null ? List.of() : state.initDev(devRootToken);
  }

  /** A Vault that has never been initialised: sealed, no keys, no tokens. */
  public static FakeVaultServer uninitialized() { return new FakeVaultServer(null); }

  /** A Vault as {@code vault server -dev} starts: initialised with one key share, unsealed, {@code rootToken} valid. */
  public static FakeVaultServer dev(String rootToken) { return new FakeVaultServer(rootToken); }

  /** Starts listening on 127.0.0.1 on a free port. */
  public FakeVaultServer start() throws IOException { return start(0); }

  /** Starts listening on 127.0.0.1:{@code port} (0 for a free one). */
  public synchronized FakeVaultServer start(int port) throws IOException {
    if (server != null) throw new IllegalStateException("already started");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  /** Stops the server; calling it again does nothing. */
  public synchronized void stop() {
    if (server == null) return;
    server.stop(0);
    executor.close();
    server = null;
  }

  @Override
  public void close() { stop(); }

  public synchronized int port() {
    if (server == null) throw new IllegalStateException("not started");
    return server.getAddress().getPort();
  }

  /** The address to give a Vault client, e.g. {@code http://127.0.0.1:41234}. */
  public String address() { return "http://127.0.0.1:" + port(); }

  /** The unseal key (hex) of a {@link #dev} server, for sealing and unsealing it again. */
  public List<String> devUnsealKeys() { return devKeys; }

  /** Makes {@code token} valid (as a root token). */
  public void addToken(String token) { synchronized (state) { state.addToken(token); } }

  /** Adds a KV version 2 mount besides {@code secret}. */
  public void addKvMount(String mount) { synchronized (state) { state.addKvMount(mount); } }

  /** Makes this node a standby (health answers 429) or the active node again. */
  public void standby(boolean standby) { synchronized (state) { state.standby(standby); } }

  /** Seals Vault as {@code vault operator seal} would. */
  public void seal() { synchronized (state) { state.seal(); } }

  public boolean sealed() { synchronized (state) { return state.sealed(); } }

  /** Stores a new version of {@code mount/path} directly, e.g. {@code putSecret("secret", "aegis/pg", Map.of("password", "x"))}. */
  public int putSecret(String mount, String path, Map<String, ?> data) {
    synchronized (state) {
      if (!state.isKvMount(mount)) state.addKvMount(mount);
      return state.write(mount, path, JSON.valueToTree(data), null).number();
    }
  }

  /** Every request so far as {@code "METHOD /v1/path"} (no query, no bodies), oldest first. */
  public List<String> requests() { synchronized (requests) { return List.copyOf(requests); } }

  private record Reply(int status, JsonNode body) {
    static Reply error(int status, String... errors) {
      var body = NODES.objectNode();
      var list = body.putArray("errors");
      for (var e : errors) list.add(e);
      return new Reply(status, body);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var method = exchange.getRequestMethod();
      var path = exchange.getRequestURI().getPath();
      synchronized (requests) { requests.add(method + " " + path); }
      Reply reply;
      try {
        var body = exchange.getRequestBody().readAllBytes();
        synchronized (state) {
          reply = route(method, path, query(exchange.getRequestURI().getRawQuery()), token(exchange), body);
        }
      } catch (VaultState.Refused e) {
        reply = Reply.error(e.status, e.getMessage());
      }
      // Vault sends a JSON content type even on 204; the Java driver's seal() insists on it.
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (reply.body() == null) {
        exchange.sendResponseHeaders(reply.status(), -1);
      } else {
        var bytes = JSON.writeValueAsBytes(reply.body());
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  private Reply route(String method, String path, Map<String, String> query, String token, byte[] body) {
    if (!path.startsWith("/v1/")) return Reply.error(404, "no handler for route \"" + path + "\". route entry not found.");
    var route = path.substring(4);
    boolean get = method.equals("GET");
    boolean put = method.equals("PUT") || method.equals("POST");
    switch (route) {
      case "sys/health" -> {
        if (method.equals("HEAD")) return new Reply(health(query).status(), null);
        return get ? health(query) : Reply.error(405);
      }
      case "sys/seal-status" -> { return get ? new Reply(200, sealStatus()) : Reply.error(405); }
      case "sys/init" -> {
        if (get) return new Reply(200, NODES.objectNode().put("initialized", state.initialized()));
        return put ? init(json(body)) : Reply.error(405);
      }
      case "sys/unseal" -> { return put ? unseal(json(body)) : Reply.error(405); }
      default -> { }
    }
    if (state.sealed()) return Reply.error(503, "Vault is sealed");
    if (!state.validToken(token)) return Reply.error(403, "permission denied");
    if (route.equals("sys/seal")) {
      if (!put) return Reply.error(405);
      state.seal();
      return new Reply(204, null);
    }
    var parts = route.split("/", 3);
    if (parts.length == 3 && parts[1].equals("data") && state.isKvMount(parts[0]) && validSecretPath(parts[2])) {
      if (get) return kvRead(parts[0], parts[2], query.get("version"));
      if (put) return kvWrite(parts[0], parts[2], json(body));
      return Reply.error(405);
    }
    return Reply.error(404, "no handler for route \"" + route + "\". route entry not found.");
  }

  private Reply health(Map<String, String> query) {
    int status;
    if (!state.initialized()) status = code(query, "uninitcode", 501);
    else if (state.sealed()) status = code(query, "sealedcode", 503);
    else if (state.standby() && !Boolean.parseBoolean(query.getOrDefault("standbyok", "false"))) {
      status = code(query, "standbycode", 429);
    } else status = code(query, "activecode", 200);
    var body = NODES.objectNode()
        .put("initialized", state.initialized())
        .put("sealed", state.sealed())
        .put("standby", state.standby())
        .put("performance_standby", false)
        .put("replication_performance_mode", "disabled")
        .put("replication_dr_mode", "disabled")
        .put("server_time_utc", System.currentTimeMillis() / 1000)
        .put("version", VERSION);
    if (state.initialized()) body.put("cluster_name", "vault-cluster-aegis").put("cluster_id", CLUSTER_ID);
    return new Reply(status, body);
  }

  private ObjectNode sealStatus() {
    var body = NODES.objectNode()
        .put("type", "shamir")
        .put("initialized", state.initialized())
        .put("sealed", state.sealed())
        .put("t", state.threshold())
        .put("n", state.shares())
        .put("progress", state.progress())
        .put("nonce", "")
        .put("version", VERSION)
        .put("build_date", "2024-06-10T10:11:34Z")
        .put("migration", false)
        .put("recovery_seal", false)
        .put("storage_type", "inmem");
    if (!state.sealed()) body.put("cluster_name", "vault-cluster-aegis").put("cluster_id", CLUSTER_ID);
    return body;
  }

  private Reply init(JsonNode request) {
    var keys = state.init(request.path("secret_shares").asInt(0), request.path("secret_threshold").asInt(0));
    var body = NODES.objectNode();
    keys.hex().forEach(body.putArray("keys")::add);
    keys.base64().forEach(body.putArray("keys_base64")::add);
    body.put("root_token", keys.rootToken());
    return new Reply(200, body);
  }

  private Reply unseal(JsonNode request) {
    if (request.path("reset").asBoolean(false)) {
      state.resetUnseal();
      return new Reply(200, sealStatus());
    }
    var key = request.path("key").asText("");
    if (key.isEmpty()) return Reply.error(400, "'key' must be specified in request body as JSON, or 'reset' set to true");
    state.unseal(decodeKey(key));
    return new Reply(200, sealStatus());
  }

  private Reply kvRead(String mount, String path, String versionParam) {
    int number = 0;
    if (versionParam != null) {
      try {
        number = Integer.parseInt(versionParam);
      } catch (NumberFormatException e) {
        return Reply.error(400, "invalid version: " + versionParam);
      }
    }
    var version = state.read(mount, path, number);
    if (version == null) return Reply.error(404);
    var data = NODES.objectNode();
    data.set("data", version.data().deepCopy());
    data.set("metadata", metadata(version));
    return new Reply(200, envelope(data));
  }

  private Reply kvWrite(String mount, String path, JsonNode request) {
    if (!request.path("data").isObject()) return Reply.error(400, "no data provided");
    var cas = request.path("options").path("cas");
    var version = state.write(mount, path, (ObjectNode) request.get("data"), cas.isNumber() ? cas.asInt() : null);
    return new Reply(200, envelope(metadata(version)));
  }

  private static ObjectNode metadata(VaultState.Version version) {
    var metadata = NODES.objectNode().put("created_time", version.created().toString());
    metadata.putNull("custom_metadata");
    return metadata.put("deletion_time", "").put("destroyed", false).put("version", version.number());
  }

  /** The envelope of every Vault reply that carries data. */
  private static ObjectNode envelope(JsonNode data) {
    var body = NODES.objectNode()
        .put("request_id", UUID.randomUUID().toString())
        .put("lease_id", "")
        .put("renewable", false)
        .put("lease_duration", 0);
    body.set("data", data);
    body.putNull("wrap_info");
    body.putNull("warnings");
    body.putNull("auth");
    return body;
  }

  private static boolean validSecretPath(String path) {
    if (path.isEmpty() || path.endsWith("/")) return false;
    for (var segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return false;
    }
    return true;
  }

  /** Vault reads a share as hex first, then as base64. */
  private static byte[] decodeKey(String key) {
    try {
      return HexFormat.of().parseHex(key);
    } catch (IllegalArgumentException notHex) {
      try {
        return Base64.getDecoder().decode(key);
      } catch (IllegalArgumentException notBase64) {
        throw new VaultState.Refused(400, "'key' must be a valid hex or base64 string");
      }
    }
  }

  private static JsonNode json(byte[] body) {
    if (body.length == 0) return NODES.objectNode();
    try {
      var node = JSON.readTree(body);
      if (node == null || !node.isObject()) throw new VaultState.Refused(400, "failed to parse JSON input: not an object");
      return node;
    } catch (IOException e) {
      throw new VaultState.Refused(400, "failed to parse JSON input: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
  }

  private static int code(Map<String, String> query, String name, int fallback) {
    try {
      return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String token(HttpExchange exchange) {
    var headers = exchange.getRequestHeaders();
    var token = headers.getFirst("X-Vault-Token");
    if (token != null && !token.isEmpty()) return token;
    var authorization = headers.getFirst("Authorization");
    if (authorization != null && authorization.startsWith("Bearer ")) return authorization.substring(7);
    return null;
  }

  private static Map<String, String> query(String raw) {
    var query = new HashMap<String, String>();
    if (raw == null || raw.isEmpty()) return query;
    for (var pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(name, value);
    }
    return query;
  }
}
