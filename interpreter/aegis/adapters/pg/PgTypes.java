package aegis.adapters.pg;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PGInterval;

/** Reads JDBC result sets into {@link PgRow}s with the conversions {@link PgRow} documents. */
final class PgTypes {
  private PgTypes() {}

  static List<PgRow> rows(ResultSet rs) throws SQLException {
    var md = rs.getMetaData();
    var columns = new ArrayList<String>(md.getColumnCount());
    for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnLabel(i));
    var rows = new ArrayList<PgRow>();
    while (rs.next()) {
      var values = new ArrayList<Object>(columns.size());
      for (int i = 1; i <= columns.size(); i++) values.add(value(rs, md, i));
      rows.add(new PgRow(columns, values));
    }
    return rows;
  }

  static Object value(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
    // pgjdbc reports timestamptz as Types.TIMESTAMP, so the time types go by their PostgreSQL name.
    Object raw = switch (md.getColumnTypeName(i)) {
      case "timestamptz" -> rs.getObject(i, OffsetDateTime.class);
      case "timestamp" -> rs.getObject(i, LocalDateTime.class);
      case "date" -> rs.getObject(i, LocalDate.class);
      default -> byJdbcType(rs, md, i);
    };
    if (rs.wasNull()) return null;
    return normalize(raw);
  }

  private static Object byJdbcType(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
    return switch (md.getColumnType(i)) {
      case Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(i);
      case Types.REAL, Types.DOUBLE, Types.FLOAT -> rs.getDouble(i);
      case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(i);
      case Types.BIT, Types.BOOLEAN -> rs.getBoolean(i);
      case Types.ARRAY -> array(rs.getArray(i));
      default -> rs.getObject(i);
    };
  }

  private static Object normalize(Object raw) {
    return switch (raw) {
      case Long l -> l;
      case Double d -> d;
      case Boolean b -> b;
      case PGInterval iv -> duration(iv);
      case List<?> l -> l;
      case BigDecimal n -> n;
      case java.lang.Float f -> f.doubleValue();
      case Number n -> n.longValue();
      default -> raw.toString();
    };
  }

  private static List<Object> array(Array a) throws SQLException {
    if (a == null) return null;
    var items = (Object[]) a.getArray();
    var out = new ArrayList<Object>(items.length);
    for (var item : items) out.add(item == null ? null : normalize(item));
    return out;
  }

  /** Months count as 30 days and years as 365, as PostgreSQL's own interval arithmetic does. */
  static Duration duration(PGInterval iv) {
    long days = iv.getYears() * 365L + iv.getMonths() * 30L + iv.getDays();
    double seconds = iv.getSeconds();
    long whole = (long) Math.floor(seconds);
    long nanos = Math.round((seconds - whole) * 1e9);
    return Duration.ofDays(days).plusHours(iv.getHours()).plusMinutes(iv.getMinutes()).plusSeconds(whole).plusNanos(nanos);
  }
}
