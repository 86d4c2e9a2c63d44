package aegis.adapters.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * kubectl's client-side apply, computed here: the object after applying {@code desired} to
 * {@code live}, given the manifest applied last time ({@code lastApplied}, kept in an annotation).
 * Fields the manifest sets take its values; fields it dropped since last time are removed (of a
 * dropped map, only the keys it declared); fields nobody declared (server defaults, other
 * controllers' annotations) are kept. Lists whose items
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
    return merge(live, lastApplied, desired, "");
  }

  private static JsonNode merge(JsonNode live, JsonNode lastApplied, JsonNode desired, String key) {
    if (desired instanceof ObjectNode d && live instanceof ObjectNode l) {
      ObjectNode out = l.deepCopy();
      for (var e : d.properties()) {
        out.set(e.getKey(), merge(l.get(e.getKey()), child(lastApplied, e.getKey()), e.getValue(), quantityParent(key) ? "quantity" : e.getKey()));
      }
      if (lastApplied instanceof ObjectNode last) {
        for (var e : last.properties()) {
          if (d.has(e.getKey())) continue;
          // Dropped from the manifest: remove what aegis declared there, not what others added beside it.
          if (e.getValue() instanceof ObjectNode declared && out.get(e.getKey()) instanceof ObjectNode current) {
            var rest = (ObjectNode) merge(current, declared, d.objectNode(), e.getKey());
            if (rest.isEmpty()) out.remove(e.getKey());
            else out.set(e.getKey(), rest);
          } else {
            out.remove(e.getKey());
          }
        }
      }
      return out;
    }
    if (desired instanceof ArrayNode d && live instanceof ArrayNode l && named(d) && named(l)) {
      Map<String, JsonNode> liveByName = byName(l);
      Map<String, JsonNode> lastByName = lastApplied instanceof ArrayNode a && named(a) ? byName(a) : Map.of();
      ArrayNode out = d.arrayNode();
      for (JsonNode item : d) {
        String name = item.get("name").asText();
        out.add(merge(liveByName.get(name), lastByName.get(name), item, ""));
      }
      return out;
    }
    // The API server keeps quantities in canonical form (2000m is stored as 2): the same amount is no change.
    if ("quantity".equals(key) && live != null && live.isValueNode() && desired.isValueNode() && sameAmount(live.asText(), desired.asText())) {
      return live.deepCopy();
    }
    return desired.deepCopy();
  }

  /** Maps whose values are quantities: resource requests, limits, capacities, hard quotas. */
  private static boolean quantityParent(String key) {
    return switch (key) {
      case "requests", "limits", "capacity", "allocatable", "hard", "overhead" -> true;
      default -> false;
    };
  }

  private static boolean sameAmount(String a, String b) {
    try {
      return aegis.eval.Quantities.parseQuantity(a).amount().compareTo(aegis.eval.Quantities.parseQuantity(b).amount()) == 0;
    } catch (RuntimeException notQuantities) {
      return false;
    }
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
