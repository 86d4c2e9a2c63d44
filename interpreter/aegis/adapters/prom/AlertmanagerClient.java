package aegis.adapters.prom;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alertmanager's API v2 ({@code GET /api/v2/alerts}) over the JDK HTTP client. */
public final class AlertmanagerClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An alert Alertmanager holds.
   *
   * @param state    {@code active}, {@code suppressed} or {@code unprocessed}
   * @param startsAt when it started firing (RFC 3339)
   * @param summary  the {@code summary} annotation, else {@code description}, else ""
   */
  public record Alert(String name, String severity, String state, String startsAt, String summary, Map<String, String> labels) {
    public Alert { labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels)); }
  }

  private final String base;
  private final HttpClient http;

  public AlertmanagerClient(String baseUrl, HttpClient http) {
    this.base = HttpBase.of(baseUrl, "alertmanager", "Alertmanager");
    this.http = http;
  }

  /** Firing alerts, oldest first; silenced and inhibited ones only with {@code includeSuppressed}. */
  public List<Alert> alerts(boolean includeSuppressed, Duration timeout) {
    var request = HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts?active=true&unprocessed=true&silenced="
            + includeSuppressed + "&inhibited=" + includeSuppressed))
        .timeout(timeout)
        .header("Accept", "application/json")
        .GET()
        .build();
    var response = PromClient.send(http, request, "alertmanager", "Alertmanager", base, timeout);
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    if (response.statusCode() != 200 || json == null || !json.isArray()) {
      var detail = json != null && json.hasNonNull("message") ? ": " + json.get("message").asText() : "";
      throw new AdapterException("alertmanager", "Alertmanager at " + base + " answered HTTP " + response.statusCode()
          + " without a list of alerts" + detail + "; is " + base + " the Alertmanager base URL?");
    }
    var alerts = new ArrayList<Alert>();
    for (var a : json) {
      var labels = PromJson.labels(a.path("labels"));
      var annotations = a.path("annotations");
      var summary = annotations.path("summary").asText(annotations.path("description").asText(""));
      alerts.add(new Alert(labels.getOrDefault("alertname", ""), labels.getOrDefault("severity", ""),
          a.path("status").path("state").asText(""), a.path("startsAt").asText(""), summary, labels));
    }
    alerts.sort(Comparator.comparing(Alert::startsAt).thenComparing(Alert::name));
    return alerts;
  }
}
