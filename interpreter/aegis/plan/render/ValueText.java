package aegis.plan.render;

import aegis.plan.FieldChange;
import aegis.plan.PlanValues;
import aegis.plan.PlannedAction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * How plan values and field changes read in text and Markdown: JSON on one line (strings quoted,
 * so {@code "3"} and {@code 3} differ), markers as {@code (known after apply)} and
 * {@code (sensitive)} at any depth, long values cut with an ellipsis.
 */
public final class ValueText {
  /** Longest value shown in a diff line before it is cut. */
  public static final int VALUE_WIDTH = 120;

  private ValueText() {}

  public static String of(JsonNode value, int max) {
    var b = new StringBuilder();
    write(b, value, max);
    return b.length() <= max ? b.toString() : b.substring(0, Math.max(0, max - 1)) + "…";
  }

  public static String path(FieldChange c) {
    return c.path().isEmpty() ? "(value)" : c.path();
  }

  /** The field change as one line: {@code + path: value}, {@code - path: value}, {@code ~ path: a -> b}. */
  static String line(FieldChange c) {
    return switch (c.kind()) {
      case ADDED -> "+ " + path(c) + ": " + of(c.after(), VALUE_WIDTH);
      case REMOVED -> "- " + path(c) + ": " + of(c.before(), VALUE_WIDTH);
      case CHANGED -> "~ " + path(c) + ": " + of(c.before(), VALUE_WIDTH) + " -> " + of(c.after(), VALUE_WIDTH);
    };
  }

  /** The symbol in front of an action: destructive changes are {@code !} whatever they do. */
  public static String symbol(PlannedAction a) {
    if (a.destructive() && a.changes()) return "!";
    return switch (a.operation()) {
      case CREATE -> "+";
      case UPDATE -> "~";
      case DELETE -> "-";
      case RUN -> ">";
      case NOOP -> "=";
    };
  }

  /** {@code create}, {@code update}, ..., {@code unchanged} for a no-op. */
  public static String verb(PlannedAction a) {
    return switch (a.operation()) {
      case NOOP -> "unchanged";
      case CREATE, UPDATE, DELETE, RUN -> a.operation().word();
    };
  }

  /** Only what is there: {@code 1 to create, 2 to change, 1 unchanged; 1 destructive}. */
  public static String counts(aegis.plan.PlanSummary s) {
    var parts = new java.util.ArrayList<String>();
    if (s.create() > 0) parts.add(s.create() + " to create");
    if (s.change() > 0) parts.add(s.change() + " to change");
    if (s.delete() > 0) parts.add(s.delete() + " to delete");
    if (s.run() > 0) parts.add(s.run() + " to run");
    if (s.unchanged() > 0) parts.add(s.unchanged() + " unchanged");
    String text = String.join(", ", parts);
    if (s.destructive() > 0) text += "; " + s.destructive() + " destructive";
    if (s.conditional() > 0) text += "; " + s.conditional() + " conditional";
    return text;
  }

  /** A commit as people quote it: its first 12 hex digits. */
  public static String commit(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  private static void write(StringBuilder b, JsonNode n, int max) {
    if (b.length() > max) return;
    if (n == null || n.isNull() || n.isMissingNode()) {
      b.append("null");
    } else if (PlanValues.isUnknown(n)) {
      b.append(PlanValues.UNKNOWN_TEXT);
    } else if (PlanValues.isSensitive(n)) {
      b.append(PlanValues.SENSITIVE_TEXT);
    } else if (n.isObject()) {
      b.append('{');
      var names = n.fieldNames();
      while (names.hasNext() && b.length() <= max) {
        String k = names.next();
        b.append(TextNode.valueOf(k)).append(':');
        write(b, n.get(k), max);
        if (names.hasNext()) b.append(',');
      }
      b.append('}');
    } else if (n.isArray()) {
      b.append('[');
      for (int i = 0; i < n.size() && b.length() <= max; i++) {
        if (i > 0) b.append(',');
        write(b, n.get(i), max);
      }
      b.append(']');
    } else {
      b.append(n);
    }
  }
}
