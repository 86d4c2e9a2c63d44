package aegis.adapters.prom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.eval.Value;
import aegis.testing.TestCallContext;
import aegis.testing.adapters.StdlibExterns;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The prom module against Prometheus' and Alertmanager's documented JSON, over real HTTP. */
class PromModuleTest {
  /** The instant-vector example of Prometheus' HTTP API documentation. */
  private static final String UP_VECTOR = """
      {"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"__name__":"up","job":"prometheus","instance":"localhost:9090"},"value":[1435781451.781,"1"]},
        {"metric":{"__name__":"up","job":"node","instance":"localhost:9100"},"value":[1435781451.781,"0"]}]}}
      """;
  /** The range-vector example of the same documentation. */
  private static final String UP_MATRIX = """
      {"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"__name__":"up","job":"prometheus","instance":"localhost:9090"},
         "values":[[1435781430.781,"1"],[1435781445.781,"1"],[1435781460.781,"1"]]},
        {"metric":{"__name__":"up","job":"node","instance":"localhost:9091"},
         "values":[[1435781430.781,"0"],[1435781445.781,"NaN"],[1435781460.781,"1"]]}]}}
      """;
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private PromFixture prometheus;
  private final PromModule prom = new PromModule(Clock.fixed(NOW, ZoneOffset.UTC));
  private final TestCallContext ctx = TestCallContext.plan();

  @BeforeEach
  void start() throws Exception { prometheus = new PromFixture(); }

  @AfterEach
  void stop() throws Exception {
    prometheus.close();
    ctx.close();
  }

  private Args args(String function, Value... values) {
    var list = new ArrayList<Value>();
    list.add(new Value.Str(prometheus.url()));
    list.addAll(List.of(values));
    return new Args(function, list);
  }

  private static Value q(String promql) { return new Value.Str(promql); }

  private static final Value THIRTY_SECONDS = new Value.Dur(Duration.ofSeconds(30));

  private static String label(Value sample, String name) {
    return ((Value.Str) ((Value.MapV) ((Value.Rec) sample).get("labels")).entries().get(name)).value();
  }

  private static double value(Value rec) { return ((Value.Float) ((Value.Rec) rec).get("value")).value(); }

  @Test
  void implementsExactlyTheStdlibDeclarations() throws Exception {
    StdlibExterns.assertBound(new PromModule());
  }

  @Test
  void anInstantQueryGivesTypedSamplesAndIsPostedAsAForm() {
    prometheus.answer("up", 200, UP_VECTOR);
    var samples = ((Value.ListV) prom.query(ctx, args("query", q("up"), THIRTY_SECONDS))).items();
    assertEquals(2, samples.size());
    assertEquals("prom.Sample", ((Value.Rec) samples.get(0)).type());
    assertEquals("prometheus", label(samples.get(0), "job"));
    assertEquals("localhost:9100", label(samples.get(1), "instance"));
    assertEquals(1.0, value(samples.get(0)));
    assertEquals(0.0, value(samples.get(1)));

    var request = prometheus.requests.getFirst();
    assertEquals("POST", request.get("method"));
    assertEquals("/api/v1/query", request.get("path"));
    assertEquals("application/x-www-form-urlencoded", request.get("contentType"));
    assertEquals("30000ms", request.get("timeout"));
  }

  @Test
  void nanAndInfinitiesAreLeftOutOfSamples() {
    var query = "rate(http_requests_total{status=~\"5..\"}[7d])";
    prometheus.answer(query, 200, """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"service":"a"},"value":[1700000000,"NaN"]},
          {"metric":{"service":"b"},"value":[1700000000,"+Inf"]},
          {"metric":{"service":"c"},"value":[1700000000,"0.0004"]}]}}
        """);
    var samples = ((Value.ListV) prom.query(ctx, args("query", q(query), THIRTY_SECONDS))).items();
    assertEquals(1, samples.size());
    assertEquals("c", label(samples.getFirst(), "service"));
    assertEquals(0.0004, value(samples.getFirst()));
    assertEquals(query, prometheus.requests.getFirst().get("query"), "PromQL arrives intact, braces and quotes included");
  }

  @Test
  void aScalarResultIsOneSampleWithoutLabels() {
    prometheus.answer("scalar(1+1)", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.5,\"2\"]}}");
    var samples = ((Value.ListV) prom.query(ctx, args("query", q("scalar(1+1)"), THIRTY_SECONDS))).items();
    assertEquals(1, samples.size());
    assertEquals(2.0, value(samples.getFirst()));
    assertTrue(((Value.MapV) ((Value.Rec) samples.getFirst()).get("labels")).entries().isEmpty());
  }

  @Test
  void scalarGivesOneNumberOrNull() {
    var p95 = "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))";
    prometheus.answer(p95, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1700000000,\"1.25\"]}]}}");
    assertEquals(new Value.Float(1.25), prom.scalar(ctx, args("scalar", q(p95), THIRTY_SECONDS)));

    prometheus.answer("vector(3)", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"3\"]}}");
    assertEquals(new Value.Float(3), prom.scalar(ctx, args("scalar", q("vector(3)"), THIRTY_SECONDS)));
    prometheus.answer("none", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    assertSame(Value.Null.INSTANCE, prom.scalar(ctx, args("scalar", q("none"), THIRTY_SECONDS)));
    prometheus.answer("idle", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"NaN\"]}]}}");
    assertSame(Value.Null.INSTANCE, prom.scalar(ctx, args("scalar", q("idle"), THIRTY_SECONDS)));
    prometheus.answer("inf", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"+Inf\"]}}");
    assertEquals(new Value.Float(Double.POSITIVE_INFINITY), prom.scalar(ctx, args("scalar", q("inf"), THIRTY_SECONDS)));

    prometheus.answer("up", 200, UP_VECTOR);
    var many = assertThrows(AdapterException.class, () -> prom.scalar(ctx, args("scalar", q("up"), THIRTY_SECONDS)));
    assertTrue(many.getMessage().contains("gives 2 samples, not one number"), many.getMessage());
    assertTrue(many.getMessage().contains("aggregate it"), many.getMessage());
  }

  @Test
  void aRangeQueryEndsNowAndGivesSeriesOfFinitePoints() {
    prometheus.answer("up", 200, UP_MATRIX);
    var series = ((Value.ListV) prom.queryRange(ctx, args("queryRange", q("up"), new Value.Dur(Duration.ofDays(7)),
        new Value.Dur(Duration.ofHours(1)), THIRTY_SECONDS))).items();
    assertEquals(2, series.size());
    var first = (Value.Rec) series.getFirst();
    assertEquals("prom.Series", first.type());
    var points = ((Value.ListV) first.get("points")).items();
    assertEquals(3, points.size());
    assertEquals(new Value.Str("2015-07-01T20:10:30.781Z"), ((Value.Rec) points.getFirst()).get("time"));
    assertEquals(2, ((Value.ListV) ((Value.Rec) series.get(1)).get("points")).items().size(), "the NaN point is left out");

    var request = prometheus.requests.getFirst();
    assertEquals("/api/v1/query_range", request.get("path"));
    assertEquals(String.valueOf(NOW.getEpochSecond()), request.get("end"));
    assertEquals(String.valueOf(NOW.minus(Duration.ofDays(7)).getEpochSecond()), request.get("start"));
    assertEquals("3600", request.get("step"));
  }

  @Test
  void prometheusErrorsAreShownWithTheirTypeAndMessage() {
    prometheus.answer("sum(", 400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unclosed left parenthesis\"}");
    var e = assertThrows(AdapterException.class, () -> prom.query(ctx, args("query", q("sum("), THIRTY_SECONDS)));
    assertEquals("Prometheus rejected the query `sum(`: bad_data: 1:5: parse error: unclosed left parenthesis", e.getMessage());
    assertEquals("prometheus", e.system());

    prometheus.answer("slow", 503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}");
    var slow = assertThrows(AdapterException.class, () -> prom.scalar(ctx, args("scalar", q("slow"), THIRTY_SECONDS)));
    assertTrue(slow.getMessage().endsWith("timeout: query timed out in expression evaluation"), slow.getMessage());
  }

  @Test
  void aRangeVectorFromAnInstantQueryIsExplained() {
    prometheus.answer("up[5m]", 200, UP_MATRIX);
    var e = assertThrows(AdapterException.class, () -> prom.query(ctx, args("query", q("up[5m]"), THIRTY_SECONDS)));
    assertTrue(e.getMessage().contains("gives a range vector: use prom.queryRange"), e.getMessage());
  }

  @Test
  void warningsBecomeProgressLines() {
    prometheus.answer("up", 200, UP_VECTOR.strip().replaceFirst("}$", ",\"warnings\":[\"PromQL info: metric might not be a counter\"]}"));
    prom.query(ctx, args("query", q("up"), THIRTY_SECONDS));
    assertEquals(List.of("Prometheus warns about `up`: PromQL info: metric might not be a counter"), ctx.progressLines());
  }

  @Test
  void aUrlThatIsNotPrometheusIsNamed() {
    var wrong = new Args("query", List.of(new Value.Str(prometheus.url() + "/grafana"), q("up"), THIRTY_SECONDS));
    var e = assertThrows(AdapterException.class, () -> prom.query(ctx, wrong));
    assertTrue(e.getMessage().contains("answered HTTP 404 without the query API's JSON"), e.getMessage());

    var notUrl = new Args("query", List.of(new Value.Str("prometheus:9090"), q("up"), THIRTY_SECONDS));
    assertEquals("the Prometheus URL `prometheus:9090` is not an http:// or https:// URL",
        assertThrows(AdapterException.class, () -> prom.query(ctx, notUrl)).getMessage());
  }

  @Test
  void anUnreachablePrometheusIsNamed() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) { port = socket.getLocalPort(); }
    var args = new Args("query", List.of(new Value.Str("http://127.0.0.1:" + port), q("up"), THIRTY_SECONDS));
    var e = assertThrows(AdapterException.class, () -> prom.query(ctx, args));
    assertEquals("cannot reach Prometheus at http://127.0.0.1:" + port + " (connection refused)", e.getMessage());
  }

  @Test
  void alertsAreTypedFilteredBySeverityAndSuppressedOnlyOnRequest() {
    prometheus.alerts("""
        [{"annotations":{"summary":"5xx above 0.1% on api-gateway"},"endsAt":"2026-11-27T10:00:00Z","fingerprint":"1",
          "receivers":[{"name":"oncall"}],"startsAt":"2026-11-27T08:30:00Z",
          "status":{"inhibitedBy":[],"silencedBy":[],"state":"active"},"updatedAt":"2026-11-27T08:59:00Z",
          "labels":{"alertname":"HighErrorRate","severity":"critical","service":"api-gateway"}},
         {"annotations":{"description":"disk 85% full"},"endsAt":"2026-11-27T10:00:00Z","fingerprint":"2",
          "receivers":[{"name":"team"}],"startsAt":"2026-11-27T07:00:00Z",
          "status":{"inhibitedBy":[],"silencedBy":[],"state":"active"},"updatedAt":"2026-11-27T08:59:00Z",
          "labels":{"alertname":"DiskFilling","severity":"warning"}},
         {"annotations":{},"endsAt":"2026-11-27T10:00:00Z","fingerprint":"3","receivers":[],"startsAt":"2026-11-27T06:00:00Z",
          "status":{"inhibitedBy":[],"silencedBy":["s1"],"state":"suppressed"},"updatedAt":"2026-11-27T08:59:00Z",
          "labels":{"alertname":"Maintenance","severity":"critical"}}]
        """);
    var all = ((Value.ListV) prom.alerts(ctx, args("alerts", Value.Null.INSTANCE, Value.Bool.FALSE))).items();
    assertEquals(2, all.size());
    var oldest = (Value.Rec) all.getFirst();
    assertEquals("prom.Alert", oldest.type());
    assertEquals(new Value.Str("DiskFilling"), oldest.get("name"));
    assertEquals(new Value.Str("disk 85% full"), oldest.get("summary"), "description stands in for a missing summary");
    assertEquals("/api/v2/alerts", prometheus.requests.getFirst().get("path"));
    assertEquals("false", prometheus.requests.getFirst().get("silenced"));

    var critical = ((Value.ListV) prom.alerts(ctx, args("alerts", new Value.Str("critical"), Value.Bool.FALSE))).items();
    assertEquals(1, critical.size());
    assertEquals(new Value.Str("5xx above 0.1% on api-gateway"), ((Value.Rec) critical.getFirst()).get("summary"));
    assertEquals(new Value.Str("active"), ((Value.Rec) critical.getFirst()).get("state"));

    var withSuppressed = ((Value.ListV) prom.alerts(ctx, args("alerts", new Value.Str("critical"), Value.Bool.TRUE))).items();
    assertEquals(2, withSuppressed.size());
    assertEquals(new Value.Str("suppressed"), ((Value.Rec) withSuppressed.getFirst()).get("state"));
    assertEquals(new Value.Str(""), ((Value.Rec) withSuppressed.getFirst()).get("summary"));
  }

  @Test
  void labelsKeepEveryNameIncludingTheMetricName() {
    prometheus.answer("up", 200, UP_VECTOR);
    var sample = ((Value.ListV) prom.query(ctx, args("query", q("up"), THIRTY_SECONDS))).items().getFirst();
    var labels = ((Value.MapV) ((Value.Rec) sample).get("labels")).entries();
    assertEquals(List.of("__name__", "instance", "job"), List.copyOf(labels.keySet()));
    assertEquals(Map.of("__name__", new Value.Str("up"), "instance", new Value.Str("localhost:9090"), "job", new Value.Str("prometheus")), labels);
  }
}
