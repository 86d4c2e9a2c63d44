package aegis.adapters.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * kubectl's client-side apply, computed here: the object after applying {@code desired} to
 * {@code live}, given the manifest applied last time ({@code lastApplied}, kept in an annotation).
 * Fields the manifest sets take its values; fields it dropped since last time are removed; fields
 * nobody declared (server defaults, other controllers' annotations) are kept. Lists whose items
 * all carry a {@code name} (containers, env, ports, volumes) merge item by item, as strategic
 * merge does; other lists are replaced.
 *
 * <p>Production clusters would do this with server-side apply, which also tracks field owners.
 * The adapter does it client-side and writes with a plain update (with the live resourceVersion,
 * so a concurrent change fails with 409) because the tests' API server (fabric8's mock) models
 * neither server-side apply nor strategic merge patch, and a plan must diff the very object the
 * apply will write.
 */
final class ApplyMerge {
  private ApplyMerge() {}

  static JsonNode merge(JsonNode live, JsonNode lastApplied, JsonNode desired) {
    if (desired instanceof ObjectNode d && live instanceof ObjectNode l) {
      ObjectNode out = l.deepCopy();
      for (var e : d.properties()) {
        out.set(e.getKey(), merge(l.get(e.getKey()), child(lastApplied, e.getKey()), e.getValue()));
      }
      if (lastApplied instanceof ObjectNode last) {
        for (var e : last.properties()) if (!d.has(e.getKey())) out.remove(e.getKey());
      }
      return out;
    }
    if (desired instanceof ArrayNode d && live instanceof ArrayNode l && named(d) && named(l)) {
      Map<String, JsonNode> liveByName = byName(l);
      Map<String, JsonNode> lastByName = lastApplied instanceof ArrayNode a && named(a) ? byName(a) : Map.of();
      ArrayNode out = d.arrayNode();
      for (JsonNode item : d) {
        String name = item.get("name").asText();
        out.add(merge(liveByName.get(name), lastByName.get(name), item));
      }
      return out;
    }
    return desired.deepCopy();
  }

  private static JsonNode child(JsonNode node, String key) { return node == null ? null : node.get(key); }

  private static boolean named(ArrayNode list) {
    if (list.isEmpty()) return false;
    for (JsonNode item : list) if (!item.isObject() || !item.path("name").isTextual()) return false;
    return true;
  }

  private static Map<String, JsonNode> byName(ArrayNode list) {
    var out = new HashMap<String, JsonNode>();
    for (JsonNode item : list) out.put(item.get("name").asText(), item);
    return out;
  }
}
