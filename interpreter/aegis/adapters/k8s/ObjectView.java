package aegis.adapters.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;

/**
 * An object as a plan shows it: without what the API server keeps for itself (status,
 * resourceVersion, uid, managed fields, timestamps) or aegis's own bookkeeping annotation, and
 * with a Secret's values replaced by the plan's sensitive marker.
 */
final class ObjectView {
  /** aegis's record of the manifest it applied last (kubectl keeps its own under another name). */
  static final String LAST_APPLIED = "aegis.dev/last-applied";
  /** The plan's marker for a value that must never be shown ({@code aegis.plan.PlanValues.SENSITIVE_KEY}). */
  static final String SENSITIVE_KEY = "$sensitive";

  private static final String[] SERVER_METADATA = {
      "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"};

  private ObjectView() {}

  static ObjectNode sensitive() { return JsonNodeFactory.instance.objectNode().put(SENSITIVE_KEY, true); }

  /** The comparable, shareable view of {@code obj} (a copy; null stays null). */
  static ObjectNode of(JsonNode obj) {
    if (obj == null) return null;
    ObjectNode copy = (ObjectNode) obj.deepCopy();
    copy.remove("status");
    if (copy.get("metadata") instanceof ObjectNode meta) {
      for (String field : SERVER_METADATA) meta.remove(field);
      if (meta.get("annotations") instanceof ObjectNode annotations) {
        annotations.remove(LAST_APPLIED);
        if (annotations.isEmpty()) meta.remove("annotations");
      }
      for (String empty : new String[] {"labels", "finalizers", "ownerReferences"}) {
        if (meta.get(empty) != null && meta.get(empty).isEmpty()) meta.remove(empty);
      }
    }
    return redacted(copy);
  }

  /** {@code obj} with every value of a Secret's {@code data}/{@code stringData} replaced by the marker. */
  static ObjectNode redacted(ObjectNode obj) {
    if (!"Secret".equals(Json.text(obj, "kind"))) return obj;
    for (String field : new String[] {"data", "stringData"}) {
      if (obj.get(field) instanceof ObjectNode values) {
        for (String key : new ArrayList<>(values.properties().stream().map(java.util.Map.Entry::getKey).toList())) {
          values.set(key, sensitive());
        }
      }
    }
    return obj;
  }

  /**
   * What {@link #LAST_APPLIED} records of a manifest: all of it, but of a Secret only the keys
   * (values emptied), so that no secret is copied into an annotation the way kubectl's is.
   */
  static String lastApplied(ObjectNode manifest) {
    ObjectNode copy = manifest.deepCopy();
    if ("Secret".equals(Json.text(copy, "kind")) && copy.get("data") instanceof ObjectNode values) {
      for (String key : values.properties().stream().map(java.util.Map.Entry::getKey).toList()) values.put(key, "");
    }
    if (copy.get("metadata") instanceof ObjectNode meta && meta.get("annotations") instanceof ObjectNode a) a.remove(LAST_APPLIED);
    return Json.text(copy);
  }
}
