package aegis.eval;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one value model of aegis: what the evaluator computes, what built-ins take and return, what
 * plans and the journal record (through {@link ValueJson}, which redacts secrets).
 */
public sealed interface Value {

  /** A short human rendering; secrets render as {@code ‹secret›}, unknowns as {@code (known after apply)}. */
  String show();

  record Int(long value) implements Value {
    public String show() { return Long.toString(value); }
  }

  record Float(double value) implements Value {
    public String show() {
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%.1f", value) : Double.toString(value);
    }
  }

  record Bool(boolean value) implements Value {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public static Bool of(boolean b) { return b ? TRUE : FALSE; }

    public String show() { return Boolean.toString(value); }
  }

  record Str(String value) implements Value {
    public String show() { return value; }
  }

  /** A length of time, shown in aegis notation ({@code 90s} shows as {@code 1m30s}). */
  record Dur(java.time.Duration value) implements Value {
    public String show() { return Durations.format(value); }
  }

  /** A Kubernetes quantity: {@code amount} in base units (cores, bytes), {@code text} as written or normalised. */
  record Qty(BigDecimal amount, String text) implements Value {
    public String show() { return text; }
  }

  /**
   * A secret. Its text is reachable only through {@link #reveal()}, which adapters call at the last
   * moment; {@code toString} and {@code show} never print it.
   */
  final class Secret implements Value {
    private final String value;

    public Secret(String value) { this.value = value; }

    public String reveal() { return value; }

    public String show() { return "‹secret›"; }

    @Override
    public String toString() { return "Secret[‹redacted›]"; }

    @Override
    public boolean equals(Object o) { return o instanceof Secret s && s.value.equals(value); }

    @Override
    public int hashCode() { return value.hashCode(); }
  }

  record ListV(List<Value> items) implements Value {
    public ListV { items = List.copyOf(items); }

    public String show() {
      return "[" + String.join(", ", items.stream().map(Value::show).toList()) + "]";
    }
  }

  /** A map with string keys, in insertion order. */
  record MapV(Map<String, Value> entries) implements Value {
    public MapV { entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries)); }

    public String show() {
      var parts = entries.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue().show()).toList();
      return "{" + String.join(", ", parts) + "}";
    }
  }

  /** A record value: its type's qualified name ({@code k8s.Pod}) and fields in declaration order. */
  record Rec(String type, Map<String, Value> fields) implements Value {
    public Rec { fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)); }

    public Value get(String field) { return fields.getOrDefault(field, Null.INSTANCE); }

    public String show() {
      var parts = fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().show()).toList();
      return type + "(" + String.join(", ", parts) + ")";
    }
  }

  record EnumV(String type, String member) implements Value {
    public String show() { return member; }
  }

  enum Null implements Value {
    INSTANCE;

    public String show() { return "null"; }
  }

  /**
   * A value only an apply would produce ("known after apply"). {@code origin} says where it came
   * from, e.g. "result of k8s.apply at deploy.aegis:42:5"; it propagates through expressions.
   */
  record Unknown(String origin) implements Value {
    public String show() { return "(known after apply)"; }
  }

  /** A function value: a lambda or a named function. */
  non-sealed interface Fn extends Value {
    int arity();

    Value call(List<Value> args);

    default String show() { return "<function>"; }
  }
}
