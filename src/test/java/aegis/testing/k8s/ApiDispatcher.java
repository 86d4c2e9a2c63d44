package aegis.testing.k8s;

import aegis.sandbox.k8s.MockController;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps fabric8's CRUD dispatcher with three things the tests need and the mock lacks: a count of
 * the adapter's requests by method (the controller's and the test's own setup are told apart by
 * user agent), faults injected for the next matching request (403, 409, ...), and list paging
 * ({@code limit}/{@code continue}), which the CRUD mode ignores but real API servers honour.
 */
final class ApiDispatcher extends Dispatcher {
  static final String SETUP_AGENT = "aegis-test-setup";
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Fault(String method, String pathPrefix, int code, String reason, String message) {}

  private final Dispatcher crud;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();

  ApiDispatcher(Dispatcher crud) { this.crud = crud; }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String agent = request.getHeader("User-Agent");
    boolean adapter = agent == null || !(agent.startsWith(MockController.USER_AGENT) || agent.startsWith(SETUP_AGENT));
    if (adapter) counts.computeIfAbsent(request.getMethod(), m -> new AtomicInteger()).incrementAndGet();
    if (adapter) {
      for (Fault f : faults) {
        if (f.method().equals(request.getMethod()) && request.getPath().startsWith(f.pathPrefix()) && faults.remove(f)) {
          return status(f);
        }
      }
    }
    MockResponse response = crud.dispatch(request);
    return "GET".equals(request.getMethod()) ? paged(request.getPath(), response) : response;
  }

  /** The adapter's requests by HTTP method since the last {@link #resetCounts}. */
  Map<String, Integer> counts() {
    var out = new java.util.TreeMap<String, Integer>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  void resetCounts() { counts.clear(); }

  void failNext(String method, String pathPrefix, int code, String reason, String message) {
    faults.add(new Fault(method, pathPrefix, code, reason, message));
  }

  private static MockResponse status(Fault f) {
    String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
        + JSON.valueToTree(f.message()) + ",\"reason\":\"" + f.reason() + "\",\"code\":" + f.code() + "}";
    return new MockResponse().setResponseCode(f.code()).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** Serves the page {@code continue} (an offset) of {@code limit} items, as an API server would. */
  private static MockResponse paged(String path, MockResponse response) {
    int q = path.indexOf('?');
    if (q < 0 || response.code() != 200 || response.getBody() == null) return response;
    long limit = 0;
    int offset = 0;
    for (String part : path.substring(q + 1).split("&")) {
      int eq = part.indexOf('=');
      if (eq < 0) continue;
      String value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      if (part.startsWith("limit=")) limit = Long.parseLong(value);
      if (part.startsWith("continue=") && !value.isEmpty()) offset = Integer.parseInt(value);
    }
    if (limit <= 0) return response;
    try {
      JsonNode list = JSON.readTree(response.getBody().getBytes());
      if (!(list instanceof ObjectNode obj) || !(obj.get("items") instanceof ArrayNode items)) return response;
      ArrayNode page = JSON.createArrayNode();
      for (int i = offset; i < Math.min(items.size(), offset + limit); i++) page.add(items.get(i));
      obj.set("items", page);
      ObjectNode meta = obj.get("metadata") instanceof ObjectNode m ? m : obj.putObject("metadata");
      if (offset + limit < items.size()) meta.put("continue", Long.toString(offset + limit));
      else meta.remove("continue");
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(JSON.writeValueAsString(obj));
    } catch (java.io.IOException e) {
      return response;
    }
  }
}
