package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.http.HttpAdapter;
import aegis.adapters.notify.SlackWebhook;
import aegis.eval.Value;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The services' health endpoints and the Slack webhook, as the http and notify adapters see them. */
class HttpFixturesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  HttpFixtures fixtures;
  HttpAdapter http;
  final List<String> events = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    fixtures = HttpFixtures.start(new SandboxLayout.Fixtures(0, Map.of("/api-gateway", "/health", "/graph-engine", "/healthz")),
        events::add);
    http = new HttpAdapter();
  }

  @AfterEach
  void stop() throws Exception {
    fixtures.close();
  }

  private String url(String path) { return "http://127.0.0.1:" + fixtures.port() + path; }

  @Test
  void everyServiceIsHealthyUnderItsPath() {
    var r = http.get(url("/api-gateway/health"), Map.of(), TIMEOUT);
    assertEquals(200, r.status());
    assertEquals("{\"status\":\"UP\",\"service\":\"api-gateway\"}", r.body());
    assertEquals(200, http.get(url("/graph-engine/healthz"), Map.of(), TIMEOUT).status());
    assertEquals(200, http.head(url("/graph-engine"), Map.of(), TIMEOUT).status());
    assertEquals(404, http.get(url("/frontend/health"), Map.of(), TIMEOUT).status());
  }

  @Test
  void aServiceCanBeMadeToFailAndRecover() {
    var set = http.send(new HttpAdapter.HttpCall("PUT", url("/_sandbox/services/graph-engine"), Map.of(), "503", TIMEOUT));
    assertEquals(200, set.status());
    var r = http.get(url("/graph-engine/healthz"), Map.of(), TIMEOUT);
    assertEquals(503, r.status());
    assertTrue(r.body().contains("DOWN"), r.body());
    assertEquals(List.of("graph-engine now answers 503"), events);
    http.send(new HttpAdapter.HttpCall("PUT", url("/_sandbox/services/graph-engine"), Map.of(), "200", TIMEOUT));
    assertEquals(200, http.get(url("/graph-engine/healthz"), Map.of(), TIMEOUT).status());
    var bad = http.send(new HttpAdapter.HttpCall("PUT", url("/_sandbox/services/graph-engine"), Map.of(), "soon", TIMEOUT));
    assertEquals(400, bad.status());
  }

  @Test
  void theSlackWebhookTakesWhatTheNotifyAdapterPosts() {
    var slack = new SlackWebhook(new Value.Secret(url("/slack")), "the sandbox");
    slack.post("#sandbox", "deploy finished", TIMEOUT);
    assertEquals(List.of(new HttpFixtures.SlackMessage("#sandbox", "deploy finished")), fixtures.slackMessages());
    assertEquals(List.of("slack #sandbox <- deploy finished"), events);
    var listed = http.get(url("/_sandbox/slack"), Map.of(), TIMEOUT);
    assertEquals("[{\"channel\":\"#sandbox\",\"text\":\"deploy finished\"}]", listed.body());
    var empty = assertThrows(AdapterException.class, () -> slack.post("#sandbox", "", TIMEOUT));
    assertTrue(empty.getMessage().contains("400"), empty.getMessage());
  }
}
