package aegis.adapters.vault;

import aegis.adapters.AdapterException;
import aegis.eval.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.WriteOptions;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Vault operations aegis needs, over the Vault Java Driver (KV version 2 everywhere, set
 * explicitly: the driver's engine detection mistakes {@code secret/x} for KV version 1) and, for
 * {@code sys/init}, which the driver lacks, over the JDK HTTP client.
 *
 * <p>A client is cheap: make one per call with the time that call may take, sharing one JDK
 * {@link HttpClient} per run (the driver would otherwise build one per request; its seal calls
 * still do). The token is asked for only by calls that need one. Secrets read from Vault come back as {@link Value.Secret}s;
 * none ever enters an exception message.
 */
public final class VaultClient {
  /** KV paths as the Vault CLI writes them: a mount, then a path of plain segments. */
  private static final Pattern KV_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.@+=-]+)+");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The driver reads VAULT_ADDR, VAULT_TOKEN and ~/.vault-token unless told otherwise: it must not. */
  private static final EnvironmentLoader NO_ENVIRONMENT = new EnvironmentLoader() {
    @Override
    public String loadVariable(String name) { return null; }
  };

  private final VaultEndpoint endpoint;
  private final HttpClient http;
  private final Supplier<String> token;
  private final Duration timeout;

  /**
   * @param http    the HTTP client to send with; HTTP/1.1, as the driver uses (Vault Agent cannot proxy h2c)
   * @param token   gives the token when a call needs one (see {@link VaultEndpoint#readToken})
   * @param timeout how long each request may take (at least a second: the driver counts seconds)
   */
  public VaultClient(VaultEndpoint endpoint, HttpClient http, Supplier<String> token, Duration timeout) {
    this.endpoint = endpoint;
    this.http = http;
    this.token = token;
    this.timeout = timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout;
  }

  /** {@code GET sys/health}: never fails for a sealed or uninitialised Vault, it says so. */
  public VaultHealth health() {
    var action = "vault.health";
    try {
      var response = driver(null).debug().health();
      var body = json(response.getRestResponse().getBody());
      return new VaultHealth(response.getRestResponse().getStatus(),
          Boolean.TRUE.equals(response.getInitialized()), Boolean.TRUE.equals(response.getSealed()),
          Boolean.TRUE.equals(response.getStandby()), body.path("version").asText(""));
    } catch (VaultException e) {
      throw VaultFailures.of(endpoint, action, e);
    }
  }

  /** {@code GET sys/seal-status}. */
  public SealStatus sealStatus() {
    try {
      return sealStatus(driver(null).seal().sealStatus());
    } catch (VaultException e) {
      throw VaultFailures.of(endpoint, "vault.sealStatus", e);
    }
  }

  /**
   * {@code PUT sys/init}: initialises Vault with {@code shares} key shares of which
   * {@code threshold} unseal it. Vault answers this once; the result is all there is.
   */
  public InitKeys init(int shares, int threshold) {
    var action = "vault.init";
    var request = HttpRequest.newBuilder(URI.create(endpoint.base() + "/v1/sys/init"))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("X-Vault-Request", "true")
        .PUT(HttpRequest.BodyPublishers.ofString(
            JSON.createObjectNode().put("secret_shares", shares).put("secret_threshold", threshold).toString()));
    if (endpoint.namespace() != null) request.header("X-Vault-Namespace", endpoint.namespace());
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw VaultFailures.unreachable(endpoint, action, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdapterException("vault", action + " at " + endpoint.base() + " was interrupted");
    }
    if (response.statusCode() != 200) {
      throw VaultFailures.refused(endpoint, action, response.statusCode(), response.body(), List.of());
    }
    var body = json(response.body());
    var root = body.path("root_token").asText("");
    if (root.isEmpty() || !body.path("keys").isArray()) {
      throw new AdapterException("vault", action + " at " + endpoint.base() + ": the answer has no keys or root token");
    }
    return new InitKeys(secrets(body.path("keys")), secrets(body.path("keys_base64")), new Value.Secret(root), shares, threshold);
  }

  /** {@code PUT sys/unseal} with one key share; answers the seal status after it. */
  public SealStatus unseal(Value.Secret key) {
    try {
      return sealStatus(driver(null).seal().unseal(key.reveal()));
    } catch (VaultException e) {
      if (e.getHttpStatusCode() == 400) {
        throw new AdapterException("vault", "vault.unseal at " + endpoint.base()
            + ": Vault refused the key share (HTTP 400): it is not one of this Vault's shares, or not hex or base64;"
            + " the unseal progress starts again");
      }
      throw VaultFailures.of(endpoint, "vault.unseal", e);
    }
  }

  /**
   * Reads a KV version 2 secret, the newest version or {@code version}; empty when there is no
   * such secret (or version).
   *
   * @param path as the Vault CLI takes it: {@code secret/aegis/postgresql}, mount first
   */
  public Optional<KvSecret> read(String path, Integer version) {
    var action = "vault.read " + path;
    requirePath(path, action);
    var secret = token.get();
    LogicalResponse response;
    try {
      var logical = driver(secret).logical();
      response = version == null ? logical.read(path) : logical.read(path, true, version);
    } catch (VaultException e) {
      throw VaultFailures.of(endpoint, action, e);
    }
    var rest = response.getRestResponse();
    if (rest.getStatus() == 404) return Optional.empty();
    if (rest.getStatus() != 200) throw VaultFailures.refused(endpoint, action, rest.getStatus(), rest.getBody(), List.of(secret));
    var data = json(rest.getBody()).path("data");
    var values = new LinkedHashMap<String, Value.Secret>();
    data.path("data").fields().forEachRemaining(e ->
        values.put(e.getKey(), new Value.Secret(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString())));
    var metadata = data.path("metadata");
    return Optional.of(new KvSecret(path, metadata.path("version").asInt(), metadata.path("created_time").asText(""), values));
  }

  /**
   * Writes a new version of a KV version 2 secret holding exactly {@code data}.
   *
   * @param cas check-and-set: the version the secret must have now (0: it must not exist), or null
   * @return the number of the version written
   */
  public int write(String path, Map<String, Value.Secret> data, Integer cas) {
    var action = "vault.write " + path;
    requirePath(path, action);
    var secret = token.get();
    var values = new LinkedHashMap<String, Object>();
    data.forEach((k, v) -> values.put(k, v.reveal()));
    LogicalResponse response;
    try {
      var options = new WriteOptions();
      if (cas != null) options.checkAndSet(cas.longValue());
      response = driver(secret).logical().write(path, values, null, options.build());
    } catch (VaultException e) {
      throw VaultFailures.of(endpoint, action, e);
    }
    var rest = response.getRestResponse();
    if (rest.getStatus() != 200 && rest.getStatus() != 204) {
      var known = new ArrayList<String>(values.size() + 1);
      known.add(secret);
      data.values().forEach(v -> known.add(v.reveal()));
      throw VaultFailures.refused(endpoint, action, rest.getStatus(), rest.getBody(), known);
    }
    return json(rest.getBody()).path("data").path("version").asInt();
  }

  /** An HTTP/1.1 client for {@link #VaultClient}, to share across the calls of a run. */
  public static HttpClient newHttpClient(Duration connectTimeout) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
  }

  private Vault driver(String token) throws VaultException {
    int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    var config = new VaultConfig()
        .environmentLoader(NO_ENVIRONMENT)
        .address(endpoint.base())
        .engineVersion(2)
        .httpClient(http)
        .openTimeout(seconds)
        .readTimeout(seconds);
    if (token != null) config.token(token);
    if (endpoint.namespace() != null) config.nameSpace(endpoint.namespace());
    return Vault.create(config.build());
  }

  private SealStatus sealStatus(io.github.jopenlibs.vault.response.SealResponse response) {
    var body = json(response.getRestResponse().getBody());
    return new SealStatus(body.path("initialized").asBoolean(false), Boolean.TRUE.equals(response.getSealed()),
        response.getThreshold().intValue(), response.getNumberOfShares().intValue(), response.getProgress().intValue());
  }

  private static void requirePath(String path, String action) {
    if (!KV_PATH.matcher(path).matches()) {
      throw new AdapterException("vault", action + ": not a KV path; write it as the Vault CLI does,"
          + " mount first, e.g. \"secret/aegis/postgresql\"");
    }
  }

  private static List<Value.Secret> secrets(JsonNode array) {
    var list = new ArrayList<Value.Secret>();
    array.forEach(n -> list.add(new Value.Secret(n.asText())));
    return list;
  }

  private static JsonNode json(byte[] body) {
    try {
      var node = body == null || body.length == 0 ? null : JSON.readTree(body);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
