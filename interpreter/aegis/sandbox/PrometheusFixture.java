package aegis.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus' HTTP query API ({@code /api/v1/query}, {@code /api/v1/query_range}, GET or POST)
 * and its readiness endpoints, answering with the documented JSON and plausible numbers for the
 * sandbox's platform. It is not a PromQL engine: it recognises what a query is about (volume use,
 * fired alerts, latency quantiles, error and request rates, CPU and memory use, {@code up}) and
 * whether it aggregates by service, by pod or over everything, and answers that; any other query
 * gets an empty vector, as a metric nobody exports would. The numbers are fixed, so runbooks and
 * their tests see the same review every time; a few are chosen to cross the guide's limits
 * (graph-engine's p95 and 5xx rate) so that the reviews have warnings to show.
 */
final class PrometheusFixture implements SandboxServer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Prometheus refuses range queries of more points than this per series. */
  private static final int MAX_POINTS = 11_000;

  /** One series: labels and a value. */
  record Series(Map<String, String> labels, double value) {}

  private final PlatformNumbers numbers;
  private final Clock clock;
  private final LoopbackHttp http;

  private PrometheusFixture(int port, PlatformNumbers numbers, Clock clock) throws SandboxException {
    this.numbers = numbers;
    this.clock = clock;
    this.http = LoopbackHttp.start(port, "Prometheus", this::handle);
  }

  static PrometheusFixture start(int port, PlatformNumbers numbers, Clock clock) throws SandboxException {
    return new PrometheusFixture(port, numbers, clock);
  }

  /** The port it listens on (the one asked for, or the one picked for port 0). */
  int port() { return http.port(); }

  @Override
  public Component component() { return Component.PROMETHEUS; }

  @Override
  public List<String> describe() {
    return List.of("http://127.0.0.1:" + port() + " (query API with fixed platform numbers, not a PromQL engine)");
  }

  /** The series a query gives now. */
  List<Series> answer(String promql) {
    var q = promql.replaceAll("\\s+", " ");
    boolean byService = q.contains("by (le, service)") || q.contains("by (service)");
    boolean byPod = q.contains("by (pod)");
    if (q.contains("kubelet_volume_stats")) return numbers.volumeUse();
    if (q.contains("ALERTS")) return numbers.firedAlerts();
    if (q.contains("histogram_quantile")) return byService ? numbers.p95ByService() : List.of(numbers.overall(numbers.p95Overall()));
    if (q.contains("http_requests_total")) {
      if (q.contains("5..")) return byService ? numbers.errorRates(true) : List.of(numbers.overall(numbers.errorRateOverall(true)));
      if (q.contains("4..")) return byService ? numbers.errorRates(false) : List.of(numbers.overall(numbers.errorRateOverall(false)));
      return numbers.requestRates();
    }
    if (q.contains("container_cpu_usage_seconds_total")) return byPod ? numbers.cpuUse() : List.of();
    if (q.contains("container_memory_working_set_bytes")) return byPod ? numbers.memoryUse() : List.of();
    if (q.strip().startsWith("up")) return numbers.up();
    return List.of();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/-/ready" -> LoopbackHttp.reply(exchange, 200, "text/plain", "Prometheus Server is Ready.\n");
        case "/-/healthy" -> LoopbackHttp.reply(exchange, 200, "text/plain", "Prometheus Server is Healthy.\n");
        case "/api/v1/query", "/api/v1/query_range" -> query(exchange, path.endsWith("_range"));
        default -> LoopbackHttp.reply(exchange, 404, "text/plain", "404 page not found\n");
      }
    }
  }

  private void query(HttpExchange exchange, boolean range) throws IOException {
    var method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("POST")) {
      LoopbackHttp.reply(exchange, 405, "text/plain", "");
      return;
    }
    var params = form(exchange.getRequestURI().getRawQuery());
    if (method.equals("POST")) params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    var promql = params.get("query");
    if (promql == null || promql.isBlank()) {
      error(exchange, "bad_data", "invalid parameter \"query\": unknown position: parse error: no expression found in input");
      return;
    }
    var series = answer(promql);
    var data = NODES.objectNode();
    double now = clock.millis() / 1000.0;
    if (!range) {
      data.put("resultType", "vector");
      var result = data.putArray("result");
      for (var s : series) {
        var item = result.addObject();
        item.set("metric", labels(s.labels()));
        point(item.putArray("value"), now, s.value());
      }
    } else {
      double start;
      double end;
      double step;
      try {
        start = Double.parseDouble(params.getOrDefault("start", ""));
        end = Double.parseDouble(params.getOrDefault("end", ""));
        step = Double.parseDouble(params.getOrDefault("step", ""));
      } catch (NumberFormatException e) {
        error(exchange, "bad_data", "invalid parameter \"start\", \"end\" or \"step\": cannot parse to a valid timestamp or duration");
        return;
      }
      if (step <= 0 || end < start) {
        error(exchange, "bad_data", "invalid parameter \"step\" or \"end\": zero or negative query resolution step widths, or an end before the start, are not accepted");
        return;
      }
      if ((end - start) / step > MAX_POINTS) {
        error(exchange, "bad_data", "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        return;
      }
      data.put("resultType", "matrix");
      var result = data.putArray("result");
      for (var s : series) {
        var item = result.addObject();
        item.set("metric", labels(s.labels()));
        var values = item.putArray("values");
        for (double t = start; t <= end; t += step) point(values.addArray(), t, s.value());
      }
    }
    var body = NODES.objectNode().put("status", "success");
    body.set("data", data);
    LoopbackHttp.reply(exchange, 200, "application/json", body.toString());
  }

  private static void error(HttpExchange exchange, String type, String message) throws IOException {
    var body = NODES.objectNode().put("status", "error").put("errorType", type).put("error", message);
    LoopbackHttp.reply(exchange, 400, "application/json", body.toString());
  }

  private static ObjectNode labels(Map<String, String> labels) {
    var node = NODES.objectNode();
    labels.forEach(node::put);
    return node;
  }

  /** {@code [time, "value"]}: times are seconds as numbers, values strings as Prometheus writes them. */
  private static void point(ArrayNode into, double time, double value) {
    into.add(BigDecimal.valueOf(Math.round(time * 1000), 3));
    into.add(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
  }

  static Map<String, String> form(String raw) {
    var params = new HashMap<String, String>();
    if (raw == null || raw.isEmpty()) return params;
    for (var pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  /** Labels in the order given, for readable JSON. */
  static Map<String, String> labels(String... namesAndValues) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < namesAndValues.length; i += 2) map.put(namesAndValues[i], namesAndValues[i + 1]);
    return map;
  }

  /** All series of one metric, for numbers by service or by pod. */
  static List<Series> each(List<String> names, String label, Map<String, Double> values, double fallback, String... extra) {
    var out = new ArrayList<Series>();
    for (var name : names) {
      var l = labels(extra);
      l.put(label, name);
      out.add(new Series(l, values.getOrDefault(name, fallback)));
    }
    return out;
  }

  @Override
  public void close() { http.close(); }
}
