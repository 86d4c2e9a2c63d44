package aegis.sandbox.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * HTTP watches ({@code GET ...?watch=true} without a WebSocket upgrade, as kubectl and every Go
 * client send them) over a mock that streams watch events on WebSockets only. An answer is the
 * objects of the watched list changed since the watch's {@code resourceVersion} (every object, as
 * {@code ADDED}, when it has none), at once when there are any, else an empty stream after
 * {@link #QUIET}; the client then watches again from where it is, so a watch is a poll a second.
 * The mock answers on its event loop, which must not block: a watch never waits for a change.
 *
 * <p>Deletions are not reported (the store keeps no history): a watcher learns of them when it
 * lists again.
 */
final class PollingWatch {
  /** How long an answer without events takes: client-go takes a watch closed sooner with no event for an error, and backs off. */
  static final Duration QUIET = Duration.ofMillis(1100);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> WATCH_PARAMETERS = Set.of("watch", "resourceVersion", "resourceVersionMatch", "timeoutSeconds",
      "allowWatchBookmarks", "sendInitialEvents");

  private final Dispatcher crud;

  PollingWatch(Dispatcher crud) { this.crud = crud; }

  static boolean isHttpWatch(RecordedRequest request, String query) {
    boolean watch = parameters(query).stream().anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
    return watch && request.getHeader("Upgrade") == null;
  }

  MockResponse answer(String path, String query) {
    long since = -1;
    var listQuery = new ArrayList<String>();
    for (String p : parameters(query)) {
      int eq = p.indexOf('=');
      String name = eq < 0 ? p : p.substring(0, eq);
      if (name.equals("resourceVersion")) since = number(p.substring(eq + 1));
      if (!WATCH_PARAMETERS.contains(name)) listQuery.add(p);
    }
    String listPath = listQuery.isEmpty() ? path : path + "?" + String.join("&", listQuery);
    var listed = crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, listPath, Headers.builder().build(), new Buffer()));
    if (listed.code() != 200) return listed.setHeader("Content-Type", "application/json");
    var body = new StringBuilder();
    try {
      for (JsonNode item : changed(JSON.readTree(listed.getBody().getBytes()), since)) {
        body.append("{\"type\":\"").append(since <= 0 ? "ADDED" : "MODIFIED").append("\",\"object\":")
            .append(JSON.writeValueAsString(item)).append("}\n");
      }
    } catch (IOException e) {
      return listed;
    }
    // The mock ends an empty answer at once, without its delay: a quiet watch answers a new line.
    if (body.isEmpty()) return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody("\n").setBodyDelay(QUIET);
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body.toString());
  }

  /** The objects of a list (or the one object) with a resource version after {@code since}, oldest first. */
  private static List<JsonNode> changed(JsonNode listed, long since) {
    var items = new ArrayList<JsonNode>();
    if (listed.has("items")) listed.get("items").forEach(items::add);
    else if (listed.has("metadata")) items.add(listed);
    return items.stream().filter(i -> version(i) > since).sorted(Comparator.comparingLong(PollingWatch::version)).toList();
  }

  private static long version(JsonNode item) { return number(item.path("metadata").path("resourceVersion").asText()); }

  private static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static List<String> parameters(String query) {
    return query.isEmpty() ? List.of() : List.of(query.split("&"));
  }
}
