package aegis.prplan;

import aegis.plan.JsonDiff;
import aegis.plan.Plan;
import aegis.plan.PlanValues;
import aegis.plan.PlannedAction;
import aegis.plan.PlannedStep;
import aegis.plan.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The difference in planned actions between two plans of one runbook. Actions are matched by step
 * name, call and target (occurrence by occurrence when a step does the same thing twice); a matched
 * pair differs when its operation, effect, desired state or description differs, or when one is
 * conditional and the other is not. Where in the source an action or an unknown value comes from
 * is left out of the comparison: a line added above a step must not make every action "changed".
 */
final class PlanDiff {
  /** Targets longer than this (an offline plan names a call by its first text argument, maybe a whole manifest) match by position. */
  private static final int TARGET_KEY_WIDTH = 120;
  private static final Pattern LOCATION = Pattern.compile("(\\.aegis):\\d+:\\d+");

  private PlanDiff() {}

  /**
   * Every action added, removed or changed from {@code base} to {@code head}, grouped by step in the
   * head's order; a null plan has no actions (a runbook that is new, gone, or did not plan).
   */
  static List<ActionChange> between(Plan base, Plan head) {
    Map<String, Deque<PlannedAction>> unmatched = new LinkedHashMap<>();
    for (PlannedAction a : actions(base)) unmatched.computeIfAbsent(key(base, a), k -> new ArrayDeque<>()).add(a);
    var changes = new ArrayList<ActionChange>();
    for (PlannedAction a : actions(head)) {
      Deque<PlannedAction> candidates = unmatched.get(key(head, a));
      PlannedAction was = candidates == null ? null : candidates.pollFirst();
      if (was == null) {
        changes.add(new ActionChange(ActionChange.Kind.ADDED, stepName(head, a), null, a, JsonDiff.between(null, normal(a.desired()))));
      } else if (!same(was, a)) {
        changes.add(new ActionChange(ActionChange.Kind.CHANGED, stepName(head, a), was, a,
            JsonDiff.between(normal(was.desired()), normal(a.desired()))));
      }
    }
    for (Deque<PlannedAction> left : unmatched.values()) {
      for (PlannedAction a : left) {
        changes.add(new ActionChange(ActionChange.Kind.REMOVED, stepName(base, a), a, null, JsonDiff.between(normal(a.desired()), null)));
      }
    }
    Map<String, Integer> order = new HashMap<>();
    for (Plan plan : new Plan[] {head, base}) {
      if (plan != null) for (PlannedStep s : plan.steps()) order.putIfAbsent(s.name(), order.size());
    }
    changes.sort(Comparator.comparingInt(c -> order.getOrDefault(c.step(), Integer.MAX_VALUE)));
    return changes;
  }

  private static List<PlannedAction> actions(Plan plan) {
    return plan == null ? List.of() : plan.actions();
  }

  private static boolean same(PlannedAction a, PlannedAction b) {
    return a.operation() == b.operation() && a.effect() == b.effect()
        && Objects.equals(normal(a.desired()), normal(b.desired()))
        && Objects.equals(normalText(a.description()), normalText(b.description()))
        && (a.conditional() == null) == (b.conditional() == null);
  }

  private static String key(Plan plan, PlannedAction a) {
    return stepName(plan, a) + '\u0001' + a.call() + '\u0001' + targetKey(a.target());
  }

  private static String targetKey(Target t) {
    if (t.name() != null) return t.system() + '\u0002' + t.kind() + '\u0002' + t.namespace() + '\u0002' + t.name();
    String display = t.display();
    return display.length() <= TARGET_KEY_WIDTH && display.indexOf('\n') < 0 ? display : "";
  }

  private static String stepName(Plan plan, PlannedAction a) {
    for (PlannedStep s : plan.steps()) if (s.id().equals(a.step())) return s.name();
    return a.step();
  }

  /** Text without source positions ({@code deploy.aegis:42:5} becomes {@code deploy.aegis}). */
  static String normalText(String text) {
    return text == null ? null : LOCATION.matcher(text).replaceAll("$1");
  }

  /** A desired state with the origins of unknown values left out (they name source positions). */
  static JsonNode normal(JsonNode node) {
    if (node == null) return null;
    if (PlanValues.isUnknown(node)) return JsonNodeFactory.instance.textNode(PlanValues.UNKNOWN_TEXT);
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), normal(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(normal(item)));
      return copy;
    }
    if (node.isTextual()) return JsonNodeFactory.instance.textNode(normalText(node.asText()));
    return node;
  }
}
