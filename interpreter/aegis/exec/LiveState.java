package aegis.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Which live reads make a saved plan stale when they change. A plan is refused when the state it
 * was made from has changed; fields that change on their own (a latency, a resource version, a
 * heartbeat) and readings that change every second (the clock, metrics) would refuse every plan,
 * so they are left out of the fingerprint. They still run and still decide what the plan shows.
 */
final class LiveState {
  /** Modules whose reads change every second (the clock, metrics): not state a plan depends on. */
  private static final Set<String> UNSTABLE = Set.of("time", "prom");

  /** Fields that change without anyone changing the system. */
  private static final Set<String> VOLATILE = Set.of("latency", "resourceVersion", "managedFields", "uid",
      "creationTimestamp", "lastTransitionTime", "lastUpdateTime", "lastProbeTime", "lastHeartbeatTime",
      "observedGeneration", "age", "restarts", "daysLeft", "startTime", "since", "elapsed", "queryStart",
      "backendStart", "stateChange", "xactStart");

  private LiveState() {}

  static boolean fingerprinted(String module) { return !UNSTABLE.contains(module); }

  /** A copy of {@code result} without its volatile fields, at any depth. */
  static JsonNode stable(JsonNode result) {
    var copy = result.deepCopy();
    strip(copy);
    return copy;
  }

  /**
   * Response headers that change on every answer of an unchanged server: HTTP's {@code Date}
   * (every server sends it, RFC 9110 §6.6.1) and the {@code Age} a cache adds.
   */
  private static final Set<String> VOLATILE_HEADERS = Set.of("date", "age");

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      obj.remove(VOLATILE);
      if (obj.get("headers") instanceof ObjectNode headers) headers.remove(VOLATILE_HEADERS);
      obj.forEach(LiveState::strip);
    } else if (node instanceof ArrayNode arr) {
      arr.forEach(LiveState::strip);
    }
  }
}
