package aegis.adapters.pg;

import aegis.adapters.AdapterException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The guide's database maintenance: {@code VACUUM ANALYZE} and {@code REINDEX}, each with a preview
 * that reads what a person would look at before running it. A table name is resolved by the server
 * ({@code to_regclass}), so a misspelt table fails the plan, and only the server's own quoting of
 * a name reaches a maintenance statement.
 */
public final class PgMaintenance {
  private PgMaintenance() {}

  /** Vacuum state of one table; times are ISO-8601 or null for never. */
  public record TableStats(String table, long liveTuples, long deadTuples, String lastVacuum, String lastAnalyze, long bytes) {}

  /** What {@code VACUUM ANALYZE} would work on: one table, or every table when {@code table} is null. */
  public record VacuumPlan(String database, String table, List<TableStats> tables) {
    public VacuumPlan { tables = List.copyOf(tables); }

    public String statement() { return table == null ? "VACUUM (ANALYZE)" : "VACUUM (ANALYZE) " + table; }

    public String description() {
      long never = tables.stream().filter(t -> t.lastVacuum() == null).count();
      long unanalyzed = tables.stream().filter(t -> t.lastAnalyze() == null).count();
      long dead = tables.stream().mapToLong(TableStats::deadTuples).sum();
      long bytes = tables.stream().mapToLong(TableStats::bytes).sum();
      return "VACUUM ANALYZE " + (table == null ? database : table + " in " + database) + ": " + count(tables.size(), "table")
          + " (" + Sizes.bytes(bytes) + "), " + never + " never vacuumed, " + unanalyzed + " never analyzed, "
          + count(dead, "dead row");
    }
  }

  /** One index that REINDEX would rebuild. */
  public record IndexInfo(String index, String table, long bytes, boolean valid) {}

  /** What {@code REINDEX} would rebuild: one table's indexes, or the database's when {@code table} is null. */
  public record ReindexPlan(String database, String table, boolean concurrently, List<IndexInfo> indexes, long busySessions) {
    public ReindexPlan { indexes = List.copyOf(indexes); }

    public String statement() {
      var how = concurrently ? " CONCURRENTLY " : " ";
      return table == null ? "REINDEX DATABASE" + how + PgStatements.quoteIdent(database) : "REINDEX TABLE" + how + table;
    }

    public String description() {
      long tables = indexes.stream().map(IndexInfo::table).distinct().count();
      long invalid = indexes.stream().filter(i -> !i.valid()).count();
      long bytes = indexes.stream().mapToLong(IndexInfo::bytes).sum();
      var locks = concurrently
          ? "reads and writes go on (SHARE UPDATE EXCLUSIVE); it takes longer and needs room for a second copy of each index"
          : "each table is locked against writes (SHARE) and each index against every use (ACCESS EXCLUSIVE) while it is rebuilt";
      return statement() + ": rebuilds " + count(indexes.size(), "index") + " (" + Sizes.bytes(bytes) + ") on "
          + count(tables, "table") + (invalid > 0 ? ", " + invalid + " of them invalid" : "") + "; " + locks + "; "
          + count(busySessions, "other session") + " busy on " + database + " now";
    }
  }

  /** What a maintenance statement did. */
  public record Done(String statement, long objects, Duration elapsed) {}

  /** Vacuum state of every user table, or of {@code table} alone; most dead rows first. */
  public static List<TableStats> tableStats(PgClient client, String table, Duration timeout) {
    return client.read("reading table statistics", timeout, c -> tableStats(c, client.endpoint(), table));
  }

  private static List<TableStats> tableStats(Connection c, PgEndpoint ep, String table) throws SQLException {
    String resolved = table == null ? null : resolveTable(c, ep, table);
    var sql = """
        SELECT relid::regclass::text, n_live_tup, n_dead_tup,
               greatest(last_vacuum, last_autovacuum), greatest(last_analyze, last_autoanalyze),
               pg_total_relation_size(relid)
        FROM pg_stat_user_tables
        WHERE ?::text IS NULL OR relid = to_regclass(?::text)
        ORDER BY n_dead_tup DESC, 1""";
    try (var ps = c.prepareStatement(sql)) {
      ps.setString(1, resolved);
      ps.setString(2, resolved);
      try (var rs = ps.executeQuery()) {
        var out = new ArrayList<TableStats>();
        while (rs.next()) {
          out.add(new TableStats(rs.getString(1), rs.getLong(2), rs.getLong(3), iso(rs, 4), iso(rs, 5), rs.getLong(6)));
        }
        return out;
      }
    }
  }

  private static String iso(java.sql.ResultSet rs, int i) throws SQLException {
    var t = rs.getObject(i, java.time.OffsetDateTime.class);
    return t == null ? null : t.toString();
  }

  public static VacuumPlan planVacuum(PgClient client, String table, Duration timeout) {
    return client.read("planning VACUUM ANALYZE", timeout, c -> {
      var stats = tableStats(c, client.endpoint(), table);
      return new VacuumPlan(currentDatabase(c), table == null ? null : resolveTable(c, client.endpoint(), table), stats);
    });
  }

  public static Done vacuum(PgClient client, String table, Duration timeout) {
    var plan = planVacuum(client, table, timeout);
    return client.write("VACUUM ANALYZE", timeout, c -> {
      long start = System.nanoTime();
      try (var st = c.createStatement()) {
        st.execute(plan.statement());
      }
      return new Done(plan.statement(), plan.tables().size(), Duration.ofNanos(System.nanoTime() - start));
    });
  }

  public static ReindexPlan planReindex(PgClient client, String table, boolean concurrently, Duration timeout) {
    var own = client.ownBackendPids();
    return client.read("planning REINDEX", timeout, c -> {
      String resolved = table == null ? null : resolveTable(c, client.endpoint(), table);
      var sql = """
          SELECT i.indexrelid::regclass::text, i.indrelid::regclass::text, pg_relation_size(i.indexrelid), i.indisvalid
          FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            AND (?::text IS NULL OR i.indrelid = to_regclass(?::text))
          ORDER BY 2, 1""";
      var indexes = new ArrayList<IndexInfo>();
      try (var ps = c.prepareStatement(sql)) {
        ps.setString(1, resolved);
        ps.setString(2, resolved);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) indexes.add(new IndexInfo(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)));
        }
      }
      return new ReindexPlan(currentDatabase(c), resolved, concurrently, indexes, busySessions(c, own));
    });
  }

  public static Done reindex(PgClient client, String table, boolean concurrently, Duration timeout) {
    var plan = planReindex(client, table, concurrently, timeout);
    return client.write("REINDEX", timeout, c -> {
      long start = System.nanoTime();
      try (var st = c.createStatement()) {
        st.execute(plan.statement());
      }
      return new Done(plan.statement(), plan.indexes().size(), Duration.ofNanos(System.nanoTime() - start));
    });
  }

  private static long busySessions(Connection c, Set<Integer> own) throws SQLException {
    var sql = """
        SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle' AND backend_type = 'client backend'""";
    long busy = 0;
    try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      while (rs.next()) if (!own.contains(rs.getInt(1))) busy++;
    }
    return busy;
  }

  /** The table as the server spells it (schema-qualified and quoted where needed); an unknown name fails. */
  static String resolveTable(Connection c, PgEndpoint ep, String table) throws SQLException {
    var sql = "SELECT r.oid::regclass::text, r.relkind FROM pg_class r WHERE r.oid = to_regclass(?)";
    try (var ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      try (var rs = ps.executeQuery()) {
        if (rs.next() && Set.of("r", "m", "p").contains(rs.getString(2))) return rs.getString(1);
      }
    } catch (SQLException e) {
      // 42601/42602: not a valid name at all, e.g. an unbalanced quote.
      if (!e.getSQLState().startsWith("426")) throw e;
    }
    throw new AdapterException(PgErrors.SYSTEM, "no table " + table + " in database \"" + ep.database() + "\" (" + ep.display() + ")");
  }

  static String currentDatabase(Connection c) throws SQLException {
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT current_database()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  static String count(long n, String noun) {
    if (n == 1) return "1 " + noun;
    return n + " " + (noun.endsWith("x") ? noun + "es" : noun + "s");
  }
}
