package aegis.adapters.pg;

import aegis.adapters.AdapterException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The top statements of {@code pg_stat_statements} in the connected database. The view's columns
 * differ by version: PostgreSQL 13 renamed {@code total_time}/{@code mean_time} to
 * {@code total_exec_time}/{@code mean_exec_time} (and added planning times), so the columns are
 * read from the catalog, not guessed from the server version.
 */
public final class PgStatements {
  private PgStatements() {}

  /**
   * One normalised statement; times are execution times (planning excluded); {@code hitRatio} is
   * the share of its block reads served from shared buffers (1.0 when it read no blocks).
   */
  public record TopStatement(String query, long calls, Duration totalTime, Duration meanTime, Duration maxTime, long rows, double hitRatio) {}

  /** What to rank statements by. */
  public enum Order {
    MEAN_TIME, TOTAL_TIME, CALLS
  }

  /** The view's time columns: PostgreSQL 13+ or PostgreSQL 12 and earlier. */
  enum Shape {
    EXEC("total_exec_time", "mean_exec_time", "max_exec_time"),
    LEGACY("total_time", "mean_time", "max_time");

    final String total;
    final String mean;
    final String max;

    Shape(String total, String mean, String max) {
      this.total = total;
      this.mean = mean;
      this.max = max;
    }

    static Shape of(Set<String> columns) {
      if (columns.contains(EXEC.total) && columns.contains(EXEC.mean)) return EXEC;
      if (columns.contains(LEGACY.total) && columns.contains(LEGACY.mean)) return LEGACY;
      throw new AdapterException(PgErrors.SYSTEM,
          "pg_stat_statements has neither total_exec_time nor total_time; its columns are " + new java.util.TreeSet<>(columns));
    }
  }

  public static List<TopStatement> top(PgClient client, int limit, Order order, Duration timeout) {
    return client.read("reading pg_stat_statements", timeout, c -> top(c, client.endpoint(), schemaOf(c, client.endpoint()), limit, order));
  }

  /** The statements of {@code schema.pg_stat_statements}; the schema is a parameter so either shape can be read. */
  static List<TopStatement> top(Connection c, PgEndpoint ep, String schema, int limit, Order order) throws SQLException {
    var shape = Shape.of(columns(c, schema));
    var orderBy = switch (order) {
      case MEAN_TIME -> shape.mean;
      case TOTAL_TIME -> shape.total;
      case CALLS -> "calls";
    };
    var sql = """
        SELECT query, calls, %s, %s, %s, rows, shared_blks_hit, shared_blks_read FROM %s.pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY %s DESC NULLS LAST LIMIT ?""".formatted(shape.total, shape.mean, shape.max, quoteIdent(schema), orderBy);
    try (var ps = c.prepareStatement(sql)) {
      ps.setInt(1, Math.max(0, limit));
      try (var rs = ps.executeQuery()) {
        var out = new ArrayList<TopStatement>();
        while (rs.next()) {
          long hit = rs.getLong(7);
          long read = rs.getLong(8);
          out.add(new TopStatement(rs.getString(1), rs.getLong(2), millis(rs.getDouble(3)), millis(rs.getDouble(4)),
              millis(rs.getDouble(5)), rs.getLong(6), hit + read == 0 ? 1.0 : (double) hit / (hit + read)));
        }
        return out;
      }
    } catch (SQLException e) {
      // 55000: the extension exists in this database but the library was not preloaded at server start.
      if ("55000".equals(e.getSQLState())) {
        throw new AdapterException(PgErrors.SYSTEM, "pg_stat_statements is installed in database \"" + ep.database()
            + "\" but not loaded by the server (" + ep.display() + "): add it to shared_preload_libraries "
            + "(pg.setSystem) and restart PostgreSQL", e);
      }
      throw e;
    }
  }

  /** The schema the extension lives in, or a clear error saying how to install it. */
  private static String schemaOf(Connection c, PgEndpoint ep) throws SQLException {
    var sql = """
        SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_stat_statements'""";
    try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      if (rs.next()) return rs.getString(1);
    }
    boolean available;
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements'")) {
      available = rs.next();
    }
    throw new AdapterException(PgErrors.SYSTEM, available
        ? "pg_stat_statements is not installed in database \"" + ep.database() + "\" (" + ep.display()
            + "): run CREATE EXTENSION pg_stat_statements there, with pg_stat_statements in shared_preload_libraries"
        : "the PostgreSQL server at " + ep.host() + ":" + ep.port()
            + " has no pg_stat_statements extension: install the server's contrib package");
  }

  private static Set<String> columns(Connection c, String schema) throws SQLException {
    var sql = """
        SELECT a.attname FROM pg_attribute a
        JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE n.nspname = ? AND r.relname = 'pg_stat_statements' AND a.attnum > 0 AND NOT a.attisdropped""";
    try (var ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      try (var rs = ps.executeQuery()) {
        var out = new HashSet<String>();
        while (rs.next()) out.add(rs.getString(1));
        return out;
      }
    }
  }

  private static Duration millis(double ms) { return Duration.ofNanos(Math.round(ms * 1_000_000)); }

  static String quoteIdent(String name) { return "\"" + name.replace("\"", "\"\"") + "\""; }
}
