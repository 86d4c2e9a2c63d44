package aegis.adapters.vault;

import aegis.eval.Value;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which keys of a KV secret a write adds, changes and removes, worked out without showing a value.
 * A desired value that only the apply will know counts as a change.
 */
record KvDiff(List<String> added, List<String> changed, List<String> removed) {
  /** The marker of a value that differs from the live one (the value itself stays hidden). */
  static final String CHANGED = aegis.plan.PlanValues.SENSITIVE_TEXT + " changed";

  static KvDiff of(Map<String, ? extends Value> desired, Map<String, Value.Secret> live) {
    var added = new ArrayList<String>();
    var changed = new ArrayList<String>();
    desired.forEach((k, v) -> {
      if (!live.containsKey(k)) added.add(k);
      else if (!same(v, live.get(k))) changed.add(k);
    });
    var removed = live.keySet().stream().filter(k -> !desired.containsKey(k)).toList();
    return new KvDiff(List.copyOf(added), List.copyOf(changed), removed);
  }

  boolean none() { return added.isEmpty() && changed.isEmpty() && removed.isEmpty(); }

  /** E.g. "changes password; adds user". */
  String summary() {
    var parts = new ArrayList<String>();
    if (!changed.isEmpty()) parts.add("changes " + String.join(", ", changed));
    if (!added.isEmpty()) parts.add("adds " + String.join(", ", added));
    if (!removed.isEmpty()) parts.add("removes " + String.join(", ", removed));
    return parts.isEmpty() ? "no change" : String.join("; ", parts);
  }

  /**
   * {@code {"data": {key: marker}}}: {@value ValueJson#UNKNOWN} for values only the apply knows,
   * {@link #CHANGED} for keys this diff changes, {@value ValueJson#REDACTED} otherwise. A field
   * diff of two of these shows which keys change and no value.
   */
  ObjectNode json(Map<String, ? extends Value> data) {
    var keys = JsonNodeFactory.instance.objectNode();
    data.forEach((k, v) -> keys.put(k, v instanceof Value.Unknown ? aegis.plan.PlanValues.UNKNOWN_TEXT
        : changed.contains(k) ? CHANGED : aegis.plan.PlanValues.SENSITIVE_TEXT));
    var node = JsonNodeFactory.instance.objectNode();
    node.set("data", keys);
    return node;
  }

  private static boolean same(Value desired, Value.Secret live) {
    return !(desired instanceof Value.Unknown) && VaultValues.secret(desired).equals(live);
  }
}
