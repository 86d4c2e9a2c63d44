package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.prom.AlertmanagerClient;
import aegis.adapters.prom.PromClient;
import aegis.adapters.prom.PromResult;
import java.net.URI;
import aegis.adapters.http.HttpTransport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus and Alertmanager fixtures answer the runbooks' own queries, read by the prom
 * adapter's clients, with the sandbox's numbers.
 */
class MonitoringFixturesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final String SEL = "namespace=\"aegisshield-sandbox\"";

  static PrometheusFixture prometheus;
  static AlertmanagerFixture alertmanager;
  static PromClient prom;
  static AlertmanagerClient am;
  static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    var numbers = new PlatformNumbers(SandboxLayoutTest.sandbox(), Clock.fixed(NOW, ZoneOffset.UTC));
    prometheus = PrometheusFixture.start(0, numbers, Clock.fixed(NOW, ZoneOffset.UTC));
    alertmanager = AlertmanagerFixture.start(0, numbers);
    http = HttpClient.newHttpClient();
    prom = new PromClient("http://127.0.0.1:" + prometheus.port(), HttpTransport.JDK_TRUST);
    am = new AlertmanagerClient("http://127.0.0.1:" + alertmanager.port(), HttpTransport.JDK_TRUST);
  }

  @AfterAll
  static void stop() {
    prometheus.close();
    alertmanager.close();
    http.close();
  }

  private static Map<String, Double> byLabel(String promql, String label) {
    var result = (PromResult.Vector) prom.query(promql, TIMEOUT).result();
    return result.samples().stream().collect(Collectors.toMap(s -> s.labels().get(label), PromResult.Sample::value,
        (a, b) -> a, TreeMap::new));
  }

  @Test
  void volumeUseOfTheDailyCheckIsOneSamplePerStatefulSetClaim() {
    var volumes = byLabel("kubelet_volume_stats_used_bytes{" + SEL + "} / kubelet_volume_stats_capacity_bytes{" + SEL + "}",
        "persistentvolumeclaim");
    assertEquals(Map.of("data-neo4j-0", 0.38, "data-postgresql-0", 0.46, "data-vault-0", 0.04), volumes);
  }

  @Test
  void theWeeklyReviewsLatencyIsPerServiceAndOverall() {
    var perService = byLabel("histogram_quantile(0.95, sum by (le, service) (rate(http_request_duration_seconds_bucket{"
        + SEL + "}[7d])))", "service");
    assertEquals(6, perService.size(), perService::toString);
    assertEquals(1.42, perService.get("graph-engine"));
    var overall = (PromResult.Vector) prom.query("histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{"
        + SEL + "}[7d])))", TIMEOUT).result();
    assertEquals(1, overall.samples().size());
    assertEquals(Map.of(), overall.samples().getFirst().labels());
    assertEquals(0.61, overall.samples().getFirst().value());
    assertEquals(NOW, overall.samples().getFirst().time());
  }

  @Test
  void errorRatesTellServerErrorsFromClientErrors() {
    var server = byLabel("sum by (service) (rate(http_requests_total{" + SEL + ", status=~\"5..\"}[7d])) / sum by (service) "
        + "(rate(http_requests_total{" + SEL + "}[7d]))", "service");
    var client = byLabel("sum by (service) (rate(http_requests_total{" + SEL + ", status=~\"4..\"}[7d])) / sum by (service) "
        + "(rate(http_requests_total{" + SEL + "}[7d]))", "service");
    assertEquals(0.0012, server.get("graph-engine"), "over the guide's 0.1%: the review has a warning to show");
    assertEquals(0.0083, client.get("api-gateway"));
  }

  @Test
  void cpuAndMemoryArePerPodOfEveryService() {
    var cpu = byLabel("sum by (pod) (rate(container_cpu_usage_seconds_total{" + SEL + ", container!=\"\"}[7d])) / sum by (pod) "
        + "(kube_pod_container_resource_limits{" + SEL + ", resource=\"cpu\"})", "pod");
    assertEquals(9, cpu.size(), cpu::toString);
    assertEquals(0.52, cpu.get("neo4j-0"));
  }

  @Test
  void anUnknownMetricIsAnEmptyVectorAndAnEmptyQueryAnError() {
    assertEquals(List.of(), ((PromResult.Vector) prom.query("nobody_exports_this", TIMEOUT).result()).samples());
    var e = assertThrows(AdapterException.class, () -> prom.query(" ", TIMEOUT));
    assertTrue(e.getMessage().contains("bad_data"), e.getMessage());
  }

  @Test
  void rangeQueriesRepeatTheValueAtEveryStepUpToPrometheusLimit() {
    var start = NOW.minus(Duration.ofHours(1));
    var matrix = (PromResult.Matrix) prom.queryRange("up", start, NOW, Duration.ofMinutes(15), TIMEOUT).result();
    assertEquals(9, matrix.series().size());
    assertEquals(5, matrix.series().getFirst().points().size());
    var e = assertThrows(AdapterException.class,
        () -> prom.queryRange("up", NOW.minus(Duration.ofDays(7)), NOW, Duration.ofSeconds(1), TIMEOUT));
    assertTrue(e.getMessage().contains("11,000 points"), e.getMessage());
  }

  @Test
  void prometheusAndAlertmanagerAreReady() throws Exception {
    for (var port : List.of(prometheus.port(), alertmanager.port())) {
      var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
    }
  }

  @Test
  void alertmanagerHoldsOneFiringWarningAndOneSilencedAlert() {
    var firing = am.alerts(false, TIMEOUT);
    assertEquals(List.of("HighMemoryUsage"), firing.stream().map(AlertmanagerClient.Alert::name).toList());
    assertEquals("warning", firing.getFirst().severity());
    assertEquals("active", firing.getFirst().state());
    assertEquals("Neo4j uses 74% of its memory limit", firing.getFirst().summary());
    var all = am.alerts(true, TIMEOUT);
    assertEquals(List.of("HighMemoryUsage", "PodRestarting"), all.stream().map(AlertmanagerClient.Alert::name).toList(),
        "oldest first");
    assertEquals("suppressed", all.getLast().state());
  }

  @Test
  void alertmanagerFiltersByLabelMatchers() throws Exception {
    var uri = URI.create("http://127.0.0.1:" + alertmanager.port() + "/api/v2/alerts?filter=severity%3D%22critical%22");
    var response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("[]", response.body());
    var bad = URI.create("http://127.0.0.1:" + alertmanager.port() + "/api/v2/alerts?filter=severity");
    assertEquals(400, http.send(HttpRequest.newBuilder(bad).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }
}
