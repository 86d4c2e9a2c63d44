package aegis.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of the platform {@code runbooks/daily-check.aegis} checks, served by a
 * {@link FixtureServer}: service health endpoints, Prometheus' query API and Alertmanager's
 * alerts API, both in their documented JSON shapes
 * (prometheus.io/docs/prometheus/latest/querying/api, Alertmanager's OpenAPI v2).
 */
public final class Platform {
  /** How a service answers its health check. */
  public enum Health {
    /** 200 {@code ok}. */
    OK,
    /** 503, as a service whose dependencies are down. */
    UNAVAILABLE,
    /** Never answers: the connection is held until the fixture closes. */
    SILENT
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private Platform() {}

  /** Serves each service's health endpoint ({@link TestEnvironment#healthPath}), answering after {@code latencyMillis}. */
  public static void services(FixtureServer f, Map<String, Health> services, long latencyMillis) {
    services.forEach((name, health) -> {
      String path = TestEnvironment.healthPath(name);
      switch (health) {
        case OK -> f.answer(path, FixtureServer.Answer.text(200, "ok").delayed(latencyMillis));
        case UNAVAILABLE -> f.answer(path, FixtureServer.Answer.text(503, "dependencies down").delayed(latencyMillis));
        case SILENT -> f.gate(path, FixtureServer.Answer.text(200, "too late"));
      }
    });
  }

  /**
   * Serves the two PromQL queries of daily-check and Alertmanager's alerts.
   *
   * @param volumes        used share per PersistentVolumeClaim (the kubelet volume query)
   * @param firedCritical  names of critical alerts that fired in the last 24 hours (the ALERTS query)
   * @param activeCritical names of critical alerts firing now (Alertmanager)
   */
  public static void prometheus(FixtureServer f, String namespace, Map<String, Double> volumes, List<String> firedCritical,
                                List<String> activeCritical) {
    f.answer("/api/v1/query", request -> {
      String query = form(request.body(), "query");
      if (query.contains("kubelet_volume_stats_used_bytes")) {
        var result = JSON.createArrayNode();
        volumes.forEach((claim, used) -> result.add(sample(Map.of("namespace", namespace, "persistentvolumeclaim", claim), used)));
        return FixtureServer.Answer.json(vector(result));
      }
      if (query.contains("ALERTS{")) {
        var result = JSON.createArrayNode();
        firedCritical.forEach(a -> result.add(sample(Map.of("alertname", a, "severity", "critical", "namespace", namespace), 1)));
        return FixtureServer.Answer.json(vector(result));
      }
      return new FixtureServer.Answer(400, "application/json",
          "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"unexpected query\"}", 0);
    });
    var alerts = JSON.createArrayNode();
    for (String name : activeCritical) {
      ObjectNode a = alerts.addObject();
      a.putObject("labels").put("alertname", name).put("severity", "critical").put("namespace", namespace);
      a.putObject("annotations").put("summary", name + " is firing");
      a.put("startsAt", "2026-11-27T08:00:00.000Z").put("endsAt", "2026-11-27T12:00:00.000Z")
          .put("updatedAt", "2026-11-27T09:00:00.000Z").put("fingerprint", Integer.toHexString(name.hashCode()))
          .put("generatorURL", "http://prometheus/graph");
      a.putArray("receivers").addObject().put("name", "oncall");
      ObjectNode status = a.putObject("status").put("state", "active");
      status.putArray("silencedBy");
      status.putArray("inhibitedBy");
    }
    f.answer("/api/v2/alerts", FixtureServer.Answer.json(alerts.toString()));
  }

  private static String vector(ArrayNode result) {
    ObjectNode doc = JSON.createObjectNode().put("status", "success");
    doc.putObject("data").put("resultType", "vector").set("result", result);
    return doc.toString();
  }

  private static ObjectNode sample(Map<String, String> labels, double value) {
    ObjectNode s = JSON.createObjectNode();
    ObjectNode metric = s.putObject("metric");
    labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> metric.put(e.getKey(), e.getValue()));
    s.putArray("value").add(1_795_000_000.0).add(Double.toString(value));
    return s;
  }

  /** A field of a form-encoded body (Prometheus' API takes POSTed forms). */
  private static String form(String body, String field) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(field)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
