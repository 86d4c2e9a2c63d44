package aegis.adapters.pg;

import java.util.List;

/**
 * One result row, its values converted from PostgreSQL types: {@code Long} (integers, oid),
 * {@code Double} (float4/8, numeric), {@code Boolean}, {@code java.time.Duration} (interval),
 * {@code String} (text and everything else, timestamps as ISO-8601), {@code List} (arrays), or null.
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
}
