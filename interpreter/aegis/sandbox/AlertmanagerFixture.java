package aegis.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Alertmanager's API v2 as far as runbooks read it: {@code GET /api/v2/alerts} with the
 * documented filters ({@code active}, {@code silenced}, {@code inhibited}, {@code unprocessed},
 * equality matchers in {@code filter}), {@code GET /api/v2/status}, and the readiness endpoints.
 * The alerts are {@link PlatformNumbers#alerts()}.
 */
final class AlertmanagerFixture implements SandboxServer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern MATCHER = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*");

  /** An alert Alertmanager holds; {@code state} is {@code active} or {@code suppressed} (silenced). */
  record Alert(Map<String, String> labels, String summary, Instant startsAt, String state) {}

  private final PlatformNumbers numbers;
  private final LoopbackHttp http;

  private AlertmanagerFixture(int port, PlatformNumbers numbers) throws SandboxException {
    this.numbers = numbers;
    this.http = LoopbackHttp.start(port, "Alertmanager", this::handle);
  }

  static AlertmanagerFixture start(int port, PlatformNumbers numbers) throws SandboxException {
    return new AlertmanagerFixture(port, numbers);
  }

  /** The port it listens on (the one asked for, or the one picked for port 0). */
  int port() { return http.port(); }

  @Override
  public Component component() { return Component.ALERTMANAGER; }

  @Override
  public List<String> describe() {
    var alerts = numbers.alerts();
    long active = alerts.stream().filter(a -> a.state().equals("active")).count();
    return List.of("http://127.0.0.1:" + port() + " (API v2: " + active + " alert firing, " + (alerts.size() - active) + " silenced)");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      switch (exchange.getRequestURI().getPath()) {
        case "/-/ready", "/-/healthy" -> LoopbackHttp.reply(exchange, 200, "text/plain", "OK");
        case "/api/v2/alerts" -> alerts(exchange);
        case "/api/v2/status" -> {
          var body = NODES.objectNode();
          body.putObject("cluster").put("status", "disabled");
          body.putObject("versionInfo").put("version", "0.27.0");
          body.put("uptime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
          LoopbackHttp.reply(exchange, 200, "application/json", body.toString());
        }
        default -> LoopbackHttp.reply(exchange, 404, "text/plain", "404 page not found\n");
      }
    }
  }

  private void alerts(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      LoopbackHttp.reply(exchange, 405, "application/json", "");
      return;
    }
    var params = PrometheusFixture.form(exchange.getRequestURI().getRawQuery());
    boolean active = flag(params, "active");
    boolean silenced = flag(params, "silenced");
    var matchers = new java.util.LinkedHashMap<String, String>();
    var filter = params.get("filter");
    if (filter != null) {
      for (var part : filter.replaceAll("^\\{|}$", "").split(",")) {
        var m = MATCHER.matcher(part);
        if (!m.matches()) {
          var error = NODES.objectNode().put("code", 400).put("message", "bad matcher format: " + part);
          LoopbackHttp.reply(exchange, 400, "application/json", error.toString());
          return;
        }
        matchers.put(m.group(1), m.group(2));
      }
    }
    var list = NODES.arrayNode();
    for (var alert : numbers.alerts()) {
      boolean shown = alert.state().equals("active") ? active : silenced;
      if (!shown || !matchers.entrySet().stream().allMatch(e -> e.getValue().equals(alert.labels().get(e.getKey())))) continue;
      var item = list.addObject();
      var annotations = item.putObject("annotations");
      annotations.put("summary", alert.summary());
      item.put("startsAt", alert.startsAt().truncatedTo(ChronoUnit.SECONDS).toString());
      item.put("endsAt", alert.startsAt().plus(java.time.Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString());
      item.put("updatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      item.put("fingerprint", HexFormat.of().toHexDigits((long) alert.labels().hashCode()));
      item.putArray("receivers").addObject().put("name", "aegisshield-" + alert.labels().getOrDefault("severity", "default"));
      var status = item.putObject("status");
      status.put("state", alert.state());
      var silencedBy = status.putArray("silencedBy");
      if (alert.state().equals("suppressed")) silencedBy.add("5b0f4a9e-sandbox-maintenance");
      status.putArray("inhibitedBy");
      item.put("generatorURL", "http://127.0.0.1:" + port() + "/graph");
      var labels = item.putObject("labels");
      alert.labels().forEach(labels::put);
    }
    LoopbackHttp.reply(exchange, 200, "application/json", list.toString());
  }

  private static boolean flag(Map<String, String> params, String name) {
    return !"false".equalsIgnoreCase(params.getOrDefault(name, "true"));
  }

  @Override
  public void close() { http.close(); }
}
