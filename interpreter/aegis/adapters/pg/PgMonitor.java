package aegis.adapters.pg;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's "database performance incident" reads: connections, long-running queries, ungranted
 * locks with who blocks whom, and the cache-hit ratio. Our own sessions are never reported.
 */
public final class PgMonitor {
  private PgMonitor() {}

  /** Client sessions on the whole server, by state; {@code max} is {@code max_connections}. */
  public record Connections(long total, long active, long idle, long idleInTransaction, long waitingOnLocks, long max) {
    /** {@code total / max}. */
    public double usage() { return max == 0 ? 0 : (double) total / max; }
  }

  /** A statement that has been running (or a transaction that has been open) for a while. */
  public record RunningQuery(
      int pid, String user, String database, String application, String state,
      String query, Duration runningFor, String waitEvent) {}

  /**
   * A session waiting for a lock and the sessions it waits for ({@code pg_blocking_pids}); the
   * blocking query and state are those of the first of them.
   */
  public record BlockedQuery(
      int pid, String user, Duration waiting, String lockType, String mode, String relation, String query,
      List<Integer> blockedBy, String blockingQuery, String blockingState) {}

  /** Heap blocks found in shared buffers vs read from disk over user tables; ratio null before any access. */
  public record CacheHit(Double ratio, long hits, long reads) {}

  private static final String NOT_US = "pid <> pg_backend_pid() AND backend_type = 'client backend'";

  public static Connections connections(PgClient client, Duration timeout) {
    return client.read("counting connections", timeout, c -> {
      var sql = """
          SELECT count(*),
                 count(*) FILTER (WHERE state = 'active'),
                 count(*) FILTER (WHERE state = 'idle'),
                 count(*) FILTER (WHERE state LIKE 'idle in transaction%%'),
                 count(*) FILTER (WHERE wait_event_type = 'Lock'),
                 current_setting('max_connections')::bigint
          FROM pg_stat_activity WHERE %s""".formatted(NOT_US);
      try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
        rs.next();
        return new Connections(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
      }
    });
  }

  /** Sessions not idle whose current statement started longer than {@code threshold} ago, longest first. */
  public static List<RunningQuery> longRunning(PgClient client, Duration threshold, Duration timeout) {
    var own = client.ownBackendPids();
    return client.read("listing long-running queries", timeout, c -> {
      var sql = """
          SELECT pid, usename, datname, application_name, state, query,
                 (extract(epoch FROM now() - query_start) * 1000)::bigint AS ms, wait_event_type, wait_event
          FROM pg_stat_activity
          WHERE %s AND state <> 'idle' AND query_start < now() - make_interval(secs => ?)
          ORDER BY query_start""".formatted(NOT_US);
      try (var ps = c.prepareStatement(sql)) {
        ps.setDouble(1, threshold.toMillis() / 1000.0);
        try (var rs = ps.executeQuery()) {
          var out = new ArrayList<RunningQuery>();
          while (rs.next()) {
            if (own.contains(rs.getInt(1))) continue;
            out.add(new RunningQuery(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Duration.ofMillis(rs.getLong(7)), waitEvent(rs)));
          }
          return out;
        }
      }
    });
  }

  private static String waitEvent(ResultSet rs) throws SQLException {
    var type = rs.getString(8);
    return type == null ? null : type + ":" + rs.getString(9);
  }

  /**
   * Every session waiting for a lock (a backend waits for one lock at a time), longest wait first.
   * Relations are named only in the connected database (elsewhere an OID means nothing here). The
   * wait starts at {@code pg_locks.waitstart} on PostgreSQL 14+, at the statement's start before.
   */
  public static List<BlockedQuery> blockedLocks(PgClient client, Duration timeout) {
    return client.read("listing blocked locks", timeout, c -> {
      var since = serverVersion(c) >= 140000 ? "coalesce(l.waitstart, w.query_start)" : "w.query_start";
      var sql = """
          SELECT w.pid, w.usename, (extract(epoch FROM now() - %s) * 1000)::bigint AS waited_ms,
                 l.locktype, l.mode,
                 CASE WHEN l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                      THEN l.relation::regclass::text END,
                 w.query, pg_blocking_pids(w.pid), b.query, b.state
          FROM pg_locks l
          JOIN pg_stat_activity w ON w.pid = l.pid
          LEFT JOIN pg_stat_activity b ON b.pid = (pg_blocking_pids(w.pid))[1]
          WHERE NOT l.granted
          ORDER BY waited_ms DESC, w.pid""".formatted(since);
      try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
        var out = new ArrayList<BlockedQuery>();
        while (rs.next()) {
          var blockers = new ArrayList<Integer>();
          for (var pid : (Integer[]) rs.getArray(8).getArray()) blockers.add(pid);
          out.add(new BlockedQuery(rs.getInt(1), rs.getString(2), Duration.ofMillis(rs.getLong(3)), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), blockers, rs.getString(9), rs.getString(10)));
        }
        return out;
      }
    });
  }

  /** {@code server_version_num}, e.g. 140011 for 14.11. */
  public static int serverVersion(PgClient client, Duration timeout) {
    return client.read("reading the server version", timeout, PgMonitor::serverVersion);
  }

  static int serverVersion(java.sql.Connection c) throws SQLException {
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT current_setting('server_version_num')::int")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The guide's ratio {@code sum(heap_blks_hit) / (sum(heap_blks_hit) + sum(heap_blks_read))} on user tables. */
  public static CacheHit cacheHit(PgClient client, Duration timeout) {
    return client.read("reading the cache-hit ratio", timeout, c -> {
      var sql = "SELECT coalesce(sum(heap_blks_hit), 0)::bigint, coalesce(sum(heap_blks_read), 0)::bigint FROM pg_statio_user_tables";
      try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
        rs.next();
        long hits = rs.getLong(1);
        long reads = rs.getLong(2);
        return new CacheHit(hits + reads == 0 ? null : (double) hits / (hits + reads), hits, reads);
      }
    });
  }
}
