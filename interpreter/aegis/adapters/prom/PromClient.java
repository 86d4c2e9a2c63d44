package aegis.adapters.prom;

import aegis.adapters.AdapterException;
import aegis.adapters.http.HttpTransport;
import aegis.eval.Durations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prometheus' HTTP query API ({@code /api/v1/query}, {@code /api/v1/query_range}) over
 * {@link HttpTransport}. Queries are POSTed form-encoded, as the API allows, so that long PromQL
 * never hits a URL length limit; the timeout is sent along so Prometheus stops evaluating when
 * aegis stops waiting.
 */
public final class PromClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A query's result and the warnings Prometheus gave with it. */
  public record Answer(PromResult result, List<String> warnings) {
    public Answer { warnings = List.copyOf(warnings); }
  }

  private final String base;
  private final HttpTransport http;

  /** @param baseUrl e.g. {@code http://prometheus.monitoring.svc:9090} (a path prefix is kept) */
  public PromClient(String baseUrl, HttpTransport http) {
    this.base = HttpBase.of(baseUrl, "prometheus", "Prometheus");
    this.http = http;
  }

  /** Evaluates {@code promql} now. */
  public Answer query(String promql, Duration timeout) {
    var form = new LinkedHashMap<String, String>();
    form.put("query", promql);
    form.put("timeout", timeout.toMillis() + "ms");
    return post("/api/v1/query", form, promql, timeout);
  }

  /** Evaluates {@code promql} from {@code start} to {@code end} every {@code step}. */
  public Answer queryRange(String promql, Instant start, Instant end, Duration step, Duration timeout) {
    if (step.isZero() || step.isNegative()) throw new AdapterException("prometheus", "the step of a range query must be positive");
    var form = new LinkedHashMap<String, String>();
    form.put("query", promql);
    form.put("start", seconds(start.toEpochMilli()));
    form.put("end", seconds(end.toEpochMilli()));
    form.put("step", seconds(step.toMillis()));
    form.put("timeout", timeout.toMillis() + "ms");
    return post("/api/v1/query_range", form, promql, timeout);
  }

  private Answer post(String path, Map<String, String> form, String promql, Duration timeout) {
    var body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var request = new HttpTransport.Request("POST", URI.create(base + path),
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
        body.getBytes(StandardCharsets.UTF_8), timeout);
    var response = send(http, request, "prometheus", "Prometheus", base, timeout);
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.has("status")) {
      throw new AdapterException("prometheus", "Prometheus at " + base + " answered HTTP " + response.status()
          + " without the query API's JSON: is " + base + " the Prometheus server's base URL?");
    }
    if (!json.path("status").asText().equals("success")) {
      throw new AdapterException("prometheus", "Prometheus rejected the query `" + promql + "`: "
          + json.path("errorType").asText("error") + ": " + json.path("error").asText("(no message)"));
    }
    try {
      return new Answer(PromJson.result(json.path("data")), PromJson.strings(json.path("warnings")));
    } catch (PromJson.Malformed e) {
      throw new AdapterException("prometheus", "cannot read the answer of Prometheus at " + base + " to `" + promql + "`: " + e.getMessage());
    }
  }

  /** Sends a request, turning transport failures into messages naming the service and its URL. */
  static HttpTransport.Response send(HttpTransport http, HttpTransport.Request request, String system, String name, String base,
                                     Duration timeout) {
    try {
      return http.send(request, Integer.MAX_VALUE);
    } catch (SocketTimeoutException e) {
      throw new AdapterException(system, name + " at " + base + " did not answer within " + Durations.format(timeout), e);
    } catch (ConnectException e) {
      throw new AdapterException(system, "cannot reach " + name + " at " + base + " (connection refused)", e);
    } catch (IOException e) {
      throw new AdapterException(system, "cannot reach " + name + " at " + base + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }
  }

  private static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }
}
