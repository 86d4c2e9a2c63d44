package aegis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The two marker values a plan's JSON trees may hold in place of a real value:
 * <ul>
 *   <li>{@code {"$unknown": "result of k8s.apply at deploy.aegis:42:5"}} — a value only an apply would
 *       produce ("known after apply"), with where it came from;</li>
 *   <li>{@code {"$sensitive": true}} — a value that must never be shown (a {@code Secret}, a
 *       Kubernetes Secret's {@code data}); the real value is never stored in a plan.</li>
 * </ul>
 * Objects with a single {@code $}-key are markers; Kubernetes and the other systems aegis talks to
 * never use such keys, so a marker cannot be mistaken for live data. The plain strings
 * {@value #UNKNOWN_TEXT} and {@value #SENSITIVE_TEXT} (what {@code aegis.eval.ValueJson} writes
 * for unknown and secret values) are read as markers too, an unknown one without its origin.
 */
public final class PlanValues {
  public static final String UNKNOWN_KEY = "$unknown";
  public static final String SENSITIVE_KEY = "$sensitive";

  /** How renderers show an unknown value. */
  public static final String UNKNOWN_TEXT = "(known after apply)";
  /** How renderers show a sensitive value. */
  public static final String SENSITIVE_TEXT = "(sensitive)";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PlanValues() {}

  /** A value known only after apply; {@code origin} says where it comes from. */
  public static ObjectNode unknown(String origin) {
    return NODES.objectNode().put(UNKNOWN_KEY, origin);
  }

  public static boolean isUnknown(JsonNode node) {
    if (node == null) return false;
    if (node.isTextual()) return node.asText().equals(UNKNOWN_TEXT);
    return node.isObject() && node.size() == 1 && node.path(UNKNOWN_KEY).isTextual();
  }

  /** Where an unknown value comes from ({@code ""} when not recorded), or {@code null} if {@code node} is not unknown. */
  public static String unknownOrigin(JsonNode node) {
    if (!isUnknown(node)) return null;
    return node.isTextual() ? "" : node.get(UNKNOWN_KEY).asText();
  }

  /** The marker that stands for a value that must not be shown. */
  public static ObjectNode sensitive() {
    return NODES.objectNode().put(SENSITIVE_KEY, true);
  }

  public static boolean isSensitive(JsonNode node) {
    if (node == null) return false;
    if (node.isTextual()) return node.asText().equals(SENSITIVE_TEXT);
    return node.isObject() && node.size() == 1 && node.path(SENSITIVE_KEY).isBoolean();
  }

  /**
   * A Kubernetes Secret: its {@code data} and {@code stringData} values are secret. Any object of
   * kind {@code Secret} counts, whatever its apiVersion: redacting too much is harmless.
   */
  public static boolean isKubernetesSecret(JsonNode root) {
    return root != null && root.isObject() && "Secret".equals(root.path("kind").asText(null));
  }

  /**
   * A copy of {@code tree} that can be stored in a plan: every value of a Kubernetes Secret's
   * {@code data} and {@code stringData} becomes the sensitive marker. Everything else is kept; values
   * of the {@code Secret} type are already markers by the time they reach a JSON tree.
   */
  public static JsonNode redact(JsonNode tree) {
    if (tree == null) return null;
    if (!isKubernetesSecret(tree)) return tree.deepCopy();
    ObjectNode copy = ((ObjectNode) tree).deepCopy();
    for (String key : new String[] {"data", "stringData"}) {
      if (copy.get(key) instanceof ObjectNode values) {
        for (String name : keys(values)) values.set(name, sensitive());
      }
    }
    return copy;
  }

  /** The keys of an object node, in order (a copy: the node may be changed while iterating). */
  static java.util.List<String> keys(JsonNode node) {
    var keys = new java.util.ArrayList<String>(node.size());
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** True if a marker or any real value in {@code tree} is unknown. */
  public static boolean containsUnknown(JsonNode tree) {
    if (tree == null) return false;
    if (isUnknown(tree)) return true;
    if (tree instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) if (containsUnknown(e.getValue())) return true;
    } else if (tree instanceof ArrayNode a) {
      for (JsonNode item : a) if (containsUnknown(item)) return true;
    }
    return false;
  }
}
