package aegis.adapters.prom;

import aegis.adapters.AdapterException;
import aegis.adapters.http.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alertmanager's API v2 ({@code GET /api/v2/alerts}) over {@link HttpTransport}. */
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
  private final HttpTransport http;

  public AlertmanagerClient(String baseUrl, HttpTransport http) {
    this.base = HttpBase.of(baseUrl, "alertmanager", "Alertmanager");
    this.http = http;
  }

  /** Firing alerts, oldest first; silenced and inhibited ones only with {@code includeSuppressed}. */
  public List<Alert> alerts(boolean includeSuppressed, Duration timeout) {
    var request = new HttpTransport.Request("GET", URI.create(base + "/api/v2/alerts?active=true&unprocessed=true&silenced="
        + includeSuppressed + "&inhibited=" + includeSuppressed), Map.of("Accept", "application/json"), null, timeout);
    var response = PromClient.send(http, request, "alertmanager", "Alertmanager", base, timeout);
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    if (response.status() != 200 || json == null || !json.isArray()) {
      var detail = json != null && json.hasNonNull("message") ? ": " + json.get("message").asText() : "";
      throw new AdapterException("alertmanager", "Alertmanager at " + base + " answered HTTP " + response.status()
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
