package aegis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Field-level diff of two JSON trees: the live state of a target and the state a runbook wants.
 * Objects are compared key by key; lists whose items all carry a {@code name} (or
 * {@code metadata.name}) are matched by it — the way Kubernetes merges containers, ports and env
 * vars — other lists by index. Added and removed subtrees are listed leaf by leaf so that a create
 * shows every field it sets. Values of a Kubernetes Secret's {@code data}/{@code stringData} and
 * values already {@link PlanValues#isSensitive marked sensitive} are compared but never copied
 * into the result. Numbers compare by value ({@code 3} equals {@code 3.0}).
 */
public final class JsonDiff {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.:/-]+");

  private final boolean merge;
  private final boolean secretRoot;
  private final List<FieldChange> out = new ArrayList<>();

  private JsonDiff(boolean merge, boolean secretRoot) {
    this.merge = merge;
    this.secretRoot = secretRoot;
  }

  /** Every difference: fields only in {@code live} are reported as removed. Either side may be null. */
  public static List<FieldChange> between(JsonNode live, JsonNode desired) {
    return run(live, desired, false);
  }

  /**
   * Apply semantics: only the fields {@code desired} sets are compared, so fields that only the
   * live object has (server defaults, fields other tools own, {@code status}) are not changes.
   * List items missing from {@code desired} are still removals: a list is owned as a whole.
   */
  public static List<FieldChange> merge(JsonNode live, JsonNode desired) {
    return run(live, desired, true);
  }

  private static List<FieldChange> run(JsonNode live, JsonNode desired, boolean merge) {
    var diff = new JsonDiff(merge, PlanValues.isKubernetesSecret(live) || PlanValues.isKubernetesSecret(desired));
    diff.compare(List.of(), absentToNull(live), absentToNull(desired));
    return List.copyOf(diff.out);
  }

  private void compare(List<String> path, JsonNode live, JsonNode desired) {
    if (live == null && desired == null) return;
    if (sensitive(path, live, desired)) {
      compareSensitive(path, live, desired);
    } else if (PlanValues.isUnknown(desired)) {
      if (!PlanValues.isUnknown(live)) {
        emit(path, live == null ? FieldChange.Kind.ADDED : FieldChange.Kind.CHANGED, live, desired, false);
      }
    } else if (live == null) {
      flatten(path, desired, FieldChange.Kind.ADDED);
    } else if (desired == null) {
      flatten(path, live, FieldChange.Kind.REMOVED);
    } else if (live.isObject() && desired.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      desired.fieldNames().forEachRemaining(keys::add);
      if (!merge) live.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) compare(append(path, keySegment(key)), absentToNull(live.get(key)), desired.get(key));
    } else if (live.isArray() && desired.isArray()) {
      compareLists(path, live, desired);
    } else if (!sameValue(live, desired)) {
      emit(path, FieldChange.Kind.CHANGED, live, desired, false);
    }
  }

  private void compareSensitive(List<String> path, JsonNode live, JsonNode desired) {
    if (live == null) {
      emit(path, FieldChange.Kind.ADDED, null, desired, true);
    } else if (desired == null) {
      emit(path, FieldChange.Kind.REMOVED, live, null, true);
    } else if (PlanValues.isSensitive(live) && PlanValues.isSensitive(desired)) {
      // Both sides were redacted before they reached us: there is nothing to compare.
    } else if (PlanValues.isSensitive(live) || PlanValues.isSensitive(desired) || !sameValue(live, desired)) {
      emit(path, FieldChange.Kind.CHANGED, live, desired, true);
    }
  }

  private void compareLists(List<String> path, JsonNode live, JsonNode desired) {
    String key = listKey(live, desired);
    if (key == null) {
      int n = Math.max(live.size(), desired.size());
      for (int i = 0; i < n; i++) compare(append(path, "[" + i + "]"), absentToNull(live.get(i)), absentToNull(desired.get(i)));
      return;
    }
    Map<String, JsonNode> liveByName = byName(live, key);
    Map<String, JsonNode> desiredByName = byName(desired, key);
    Set<String> names = new LinkedHashSet<>(desiredByName.keySet());
    names.addAll(liveByName.keySet());
    for (String name : names) {
      compare(append(path, nameSegment(key, name)), liveByName.get(name), desiredByName.get(name));
    }
  }

  private void flatten(List<String> path, JsonNode node, FieldChange.Kind kind) {
    boolean added = kind == FieldChange.Kind.ADDED;
    if (sensitive(path, added ? null : node, added ? node : null)) {
      emit(path, kind, added ? null : node, added ? node : null, true);
    } else if (node.isObject() && node.size() > 0 && !PlanValues.isUnknown(node)) {
      node.fieldNames().forEachRemaining(k -> flatten(append(path, keySegment(k)), node.get(k), kind));
    } else if (node.isArray() && node.size() > 0) {
      String key = listKey(node, node);
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        flatten(append(path, key == null ? "[" + i + "]" : nameSegment(key, nameOf(item, key))), item, kind);
      }
    } else {
      emit(path, kind, added ? null : node, added ? node : null, false);
    }
  }

  private boolean sensitive(List<String> path, JsonNode live, JsonNode desired) {
    if (PlanValues.isSensitive(live) || PlanValues.isSensitive(desired)) return true;
    return secretRoot && path.size() >= 2 && (path.get(0).equals(".data") || path.get(0).equals(".stringData"));
  }

  private void emit(List<String> path, FieldChange.Kind kind, JsonNode before, JsonNode after, boolean sensitive) {
    out.add(new FieldChange(String.join("", path).replaceFirst("^\\.", ""), kind, before, after, sensitive));
  }

  /** {@code "name"} or {@code "metadata.name"} if every item of both lists has a distinct one, else null. */
  private static String listKey(JsonNode a, JsonNode b) {
    if (a.isEmpty() && b.isEmpty()) return null;
    for (String key : new String[] {"name", "metadata.name"}) {
      if (allNamed(a, key) && allNamed(b, key)) return key;
    }
    return null;
  }

  private static boolean allNamed(JsonNode list, String key) {
    Set<String> seen = new java.util.HashSet<>();
    for (JsonNode item : list) {
      String name = nameOf(item, key);
      if (name == null || !seen.add(name)) return false;
    }
    return true;
  }

  private static String nameOf(JsonNode item, String key) {
    Function<JsonNode, JsonNode> get = key.equals("name") ? n -> n.get("name") : n -> n.path("metadata").get("name");
    if (!item.isObject()) return null;
    JsonNode name = get.apply(item);
    return name != null && name.isTextual() ? name.asText() : null;
  }

  private static Map<String, JsonNode> byName(JsonNode list, String key) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (JsonNode item : list) map.put(nameOf(item, key), item);
    return map;
  }

  /** Numbers by value; everything else structurally (markers included). */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) return false;
      for (var it = a.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!b.has(k) || !sameValue(a.get(k), b.get(k))) return false;
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) return false;
      for (int i = 0; i < a.size(); i++) if (!sameValue(a.get(i), b.get(i))) return false;
      return true;
    }
    return a.equals(b);
  }

  private static JsonNode absentToNull(JsonNode n) {
    return n == null || n.isMissingNode() ? null : n;
  }

  private static List<String> append(List<String> path, String segment) {
    var copy = new ArrayList<String>(path.size() + 1);
    copy.addAll(path);
    copy.add(segment);
    return copy;
  }

  private static String keySegment(String key) {
    return PLAIN_KEY.matcher(key).matches() ? "." + key : "[" + quote(key) + "]";
  }

  private static String nameSegment(String key, String name) {
    return "[" + key + "=" + (PLAIN_NAME.matcher(name).matches() ? name : quote(name)) + "]";
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }
}
