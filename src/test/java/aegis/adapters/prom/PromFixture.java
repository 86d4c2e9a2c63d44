package aegis.adapters.prom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Prometheus' query API and Alertmanager's alerts API on 127.0.0.1, answering canned JSON per
 * query (in the documented shapes) and recording every request's method, path and parameters.
 * A query without a canned answer gets Prometheus' 400 {@code bad_data} error.
 */
final class PromFixture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Canned(int status, String contentType, String body) {}

  private final HttpServer server;
  private final Map<String, Canned> answers = new HashMap<>();
  private volatile String alerts = "[]";
  final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

  PromFixture() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/query", this::query);
    server.createContext("/api/v1/query_range", this::query);
    server.createContext("/api/v2/alerts", this::alerts);
    server.createContext("/", e -> reply(e, new Canned(404, "text/plain", "404 page not found")));
    server.start();
  }

  String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

  /** Answers {@code query} with Prometheus' JSON {@code json} and HTTP {@code status}. */
  void answer(String query, int status, String json) { answers.put(query, new Canned(status, "application/json", json)); }

  /** What {@code GET /api/v2/alerts} holds: a JSON list of gettable alerts. */
  void alerts(String json) { alerts = json; }

  @Override
  public void close() { server.stop(0); }

  private void query(HttpExchange e) throws IOException {
    var params = record(e);
    var canned = answers.get(params.get("query"));
    if (canned == null) {
      canned = new Canned(400, "application/json",
          "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"no canned answer for this query\"}");
    }
    reply(e, canned);
  }

  /** Suppressed alerts are listed only when both {@code silenced} and {@code inhibited} are true. */
  private void alerts(HttpExchange e) throws IOException {
    var params = record(e);
    boolean suppressed = "true".equals(params.get("silenced")) && "true".equals(params.get("inhibited"));
    ArrayNode all = (ArrayNode) JSON.readTree(alerts);
    ArrayNode shown = JSON.createArrayNode();
    all.forEach(a -> {
      if (suppressed || !a.path("status").path("state").asText().equals("suppressed")) shown.add(a);
    });
    reply(e, new Canned(200, "application/json", shown.toString()));
  }

  private Map<String, String> record(HttpExchange e) throws IOException {
    var params = new LinkedHashMap<String, String>();
    params.put("method", e.getRequestMethod());
    params.put("path", e.getRequestURI().getPath());
    params.put("contentType", String.valueOf(e.getRequestHeaders().getFirst("Content-Type")));
    parse(e.getRequestURI().getRawQuery(), params);
    parse(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
    requests.add(params);
    return params;
  }

  private static void parse(String form, Map<String, String> into) {
    if (form == null || form.isEmpty()) return;
    for (var pair : form.split("&")) {
      int eq = pair.indexOf('=');
      into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
  }

  private static void reply(HttpExchange e, Canned canned) throws IOException {
    try (e) {
      var bytes = canned.body().getBytes(StandardCharsets.UTF_8);
      e.getResponseHeaders().set("Content-Type", canned.contentType());
      e.sendResponseHeaders(canned.status(), bytes.length);
      e.getResponseBody().write(bytes);
    }
  }
}
