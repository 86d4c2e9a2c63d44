package aegis.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The platform's HTTP services, as far as runbooks see them: each service's health endpoint under
 * {@code /NAME} (200 with {@code {"status":"UP"}} unless set otherwise), and a Slack-compatible
 * incoming webhook at {@code /slack} that answers {@code ok} and shows what was posted.
 *
 * <p>For trying the incident runbooks, {@code PUT /_sandbox/services/NAME} with a status code as
 * the body (e.g. {@code 503}) makes a service answer that status until set back to 200;
 * {@code GET /_sandbox/slack} lists the messages posted so far.
 */
final class HttpFixtures implements SandboxServer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "/_sandbox/services/";

  /** One message posted to the webhook. */
  record SlackMessage(String channel, String text) {}

  private final SandboxLayout.Fixtures layout;
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final List<SlackMessage> slack = new CopyOnWriteArrayList<>();
  private final Consumer<String> events;
  private final LoopbackHttp http;

  private HttpFixtures(SandboxLayout.Fixtures layout, Consumer<String> events) throws SandboxException {
    this.layout = layout;
    this.events = events;
    layout.healthPaths().keySet().forEach(path -> statuses.put(path, 200));
    this.http = LoopbackHttp.start(layout.port(), "HTTP fixtures", this::handle);
  }

  /** @param events where to show what happens (a post to the webhook), e.g. the console of {@code aegis sandbox} */
  static HttpFixtures start(SandboxLayout.Fixtures layout, Consumer<String> events) throws SandboxException {
    return new HttpFixtures(layout, events);
  }

  /** The port it listens on (the one asked for, or the one picked for port 0). */
  int port() { return http.port(); }

  @Override
  public Component component() { return Component.FIXTURES; }

  @Override
  public List<String> describe() {
    var first = layout.healthPaths().entrySet().stream().sorted(Map.Entry.comparingByKey()).findFirst();
    var example = first.map(e -> "http://127.0.0.1:" + port() + e.getKey() + e.getValue()).orElse("");
    return List.of("http://127.0.0.1:" + port() + ": health of " + layout.healthPaths().size()
            + " services (e.g. " + example + "), Slack webhook at /slack",
        "  make one fail: curl -X PUT -d 503 http://127.0.0.1:" + port() + ADMIN + "NAME");
  }

  List<SlackMessage> slackMessages() { return List.copyOf(slack); }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var path = exchange.getRequestURI().getPath();
      var method = exchange.getRequestMethod();
      if (path.equals("/slack")) {
        slack(exchange, method);
      } else if (path.startsWith(ADMIN)) {
        setStatus(exchange, method, "/" + path.substring(ADMIN.length()));
      } else if (path.equals("/_sandbox/slack")) {
        var list = JsonNodeFactory.instance.arrayNode();
        slack.forEach(m -> list.addObject().put("channel", m.channel()).put("text", m.text()));
        LoopbackHttp.reply(exchange, 200, "application/json", list.toString());
      } else {
        health(exchange, method, path);
      }
    }
  }

  private void health(HttpExchange exchange, String method, String path) throws IOException {
    var service = servicePath(path);
    if (service == null) {
      LoopbackHttp.reply(exchange, 404, "text/plain", "no service at " + path + "\n");
    } else if (!method.equals("GET") && !method.equals("HEAD")) {
      LoopbackHttp.reply(exchange, 405, "text/plain", "");
    } else {
      int status = statuses.getOrDefault(service, 200);
      var body = JsonNodeFactory.instance.objectNode().put("status", status == 200 ? "UP" : "DOWN")
          .put("service", service.substring(1));
      LoopbackHttp.reply(exchange, status, "application/json", body.toString());
    }
  }

  /** {@code /data-ingestion} for {@code /data-ingestion/health}; null when no service owns the path. */
  private String servicePath(String path) {
    for (var service : layout.healthPaths().keySet()) {
      if (path.equals(service) || path.startsWith(service + "/")) return service;
    }
    return null;
  }

  private void slack(HttpExchange exchange, String method) throws IOException {
    if (!method.equals("POST")) {
      LoopbackHttp.reply(exchange, 405, "text/plain", "");
      return;
    }
    var body = exchange.getRequestBody().readAllBytes();
    try {
      var json = JSON.readTree(body);
      var message = new SlackMessage(json.path("channel").asText(""), json.path("text").asText(""));
      if (message.text().isEmpty()) {
        LoopbackHttp.reply(exchange, 400, "text/plain", "no_text");
        return;
      }
      slack.add(message);
      events.accept("slack " + (message.channel().isEmpty() ? "" : message.channel() + " ") + "<- " + message.text());
      LoopbackHttp.reply(exchange, 200, "text/plain", "ok");
    } catch (IOException e) {
      LoopbackHttp.reply(exchange, 400, "text/plain", "invalid_payload");
    }
  }

  private void setStatus(HttpExchange exchange, String method, String service) throws IOException {
    if (!statuses.containsKey(service)) {
      LoopbackHttp.reply(exchange, 404, "text/plain", "no service " + service + "\n");
      return;
    }
    if (!method.equals("PUT") && !method.equals("POST")) {
      LoopbackHttp.reply(exchange, 405, "text/plain", "");
      return;
    }
    var text = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    int status;
    try {
      status = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      status = 0;
    }
    if (status < 200 || status > 599) {
      LoopbackHttp.reply(exchange, 400, "text/plain", "the body must be an HTTP status, 200 to 599\n");
      return;
    }
    statuses.put(service, status);
    events.accept(service.substring(1) + " now answers " + status);
    LoopbackHttp.reply(exchange, 200, "text/plain", service.substring(1) + " answers " + status + "\n");
  }

  @Override
  public void close() { http.close(); }
}
