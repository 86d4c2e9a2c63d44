package aegis.testing.k8s;

import aegis.sandbox.k8s.MockController;
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
  private final Map<String, ObjectNode> snapshots = new ConcurrentHashMap<>();
  private final AtomicInteger nextSnapshot = new AtomicInteger();

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
    if ("GET".equals(request.getMethod()) && request.getPath().contains("continue=")) return paged(request.getPath(), null);
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

  /** What an API server answers for a continue token whose snapshot it no longer has. */
  private static MockResponse gone() {
    return status(new Fault("GET", "", 410, "Expired", "The provided continue parameter is too old to display a consistent list result."));
  }

  private static MockResponse status(Fault f) {
    String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
        + JSON.valueToTree(f.message()) + ",\"reason\":\"" + f.reason() + "\",\"code\":" + f.code() + "}";
    return new MockResponse().setResponseCode(f.code()).setHeader("Content-Type", "application/json").setBody(body);
  }

  /**
   * Serves list pages as an API server does: the first request with {@code limit} takes a snapshot
   * of the whole list; {@code continue} tokens ({@code snapshot:offset}) page through that
   * snapshot, so a listing is consistent and the CRUD store is asked once per listing.
   */
  private MockResponse paged(String path, MockResponse fresh) {
    int q = path.indexOf('?');
    if (q < 0) return fresh;
    long limit = 0;
    String token = null;
    for (String part : path.substring(q + 1).split("&")) {
      int eq = part.indexOf('=');
      if (eq < 0) continue;
      String value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      if (part.startsWith("limit=")) limit = Long.parseLong(value);
      if (part.startsWith("continue=") && !value.isEmpty()) token = value;
    }
    if (limit <= 0) return fresh;
    try {
      ObjectNode list;
      int offset = 0;
      String snapshot;
      if (token == null) {
        if (fresh.code() != 200 || fresh.getBody() == null) return fresh;
        if (!(JSON.readTree(fresh.getBody().getBytes()) instanceof ObjectNode obj) || !(obj.get("items") instanceof ArrayNode)) {
          return fresh;
        }
        list = obj;
        snapshot = Integer.toString(nextSnapshot.incrementAndGet());
        snapshots.put(snapshot, list);
      } else {
        snapshot = token.substring(0, token.indexOf(':'));
        offset = Integer.parseInt(token.substring(token.indexOf(':') + 1));
        list = snapshots.get(snapshot);
        if (list == null) return gone();
      }
      var items = (ArrayNode) list.get("items");
      ObjectNode page = JSON.createObjectNode();
      list.properties().forEach(e -> { if (!e.getKey().equals("items")) page.set(e.getKey(), e.getValue().deepCopy()); });
      page.set("items", JSON.createArrayNode().addAll(java.util.stream.IntStream.range(offset, (int) Math.min(items.size(), offset + limit))
          .mapToObj(items::get).toList()));
      ObjectNode meta = page.get("metadata") instanceof ObjectNode m ? m : page.putObject("metadata");
      if (offset + limit < items.size()) {
        meta.put("continue", snapshot + ":" + (offset + limit));
      } else {
        meta.remove("continue");
        snapshots.remove(snapshot);
      }
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(JSON.writeValueAsString(page));
    } catch (java.io.IOException e) {
      return fresh;
    }
  }
}
