package aegis.adapters.pg;

import java.util.List;

/**
 * One result row, its values converted from PostgreSQL types: {@code Long} (integers, oid),
 * {@code Double} (float4/8), {@code BigDecimal} (numeric, exact), {@code Boolean},
 * {@code java.time.Duration} (interval), {@code String} (text and everything else, timestamps as
 * ISO-8601), {@code List} (arrays), or null.
 */
public record PgRow(List<String> columns, List<Object> values) {
  public PgRow {
    columns = List.copyOf(columns);
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }

  /** The value of {@code column}, or null when it is null or absent. */
  public Object get(String column) {
    int i = columns.indexOf(column);
    return i < 0 ? null : values.get(i);
  }

  /**
   * A value as text, the same for every caller: integers and numerics exactly, floats without an
   * exponent, booleans {@code true}/{@code false}, intervals in aegis notation ({@code 1d2h}),
   * timestamps ISO-8601, arrays {@code [a, b]}; null stays null.
   */
  public static String text(Object value) {
    return switch (value) {
      case null -> null;
      case java.math.BigDecimal n -> n.toPlainString();
      case Double d when d.isNaN() || d.isInfinite() -> d.toString();
      case Double d -> java.math.BigDecimal.valueOf(d).toPlainString();
      case java.time.Duration d -> aegis.eval.Durations.format(d);
      case List<?> l -> "[" + String.join(", ", l.stream().map(PgRow::text).map(String::valueOf).toList()) + "]";
      default -> value.toString();
    };
  }
}
