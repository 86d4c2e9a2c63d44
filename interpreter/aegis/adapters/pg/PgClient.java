package aegis.adapters.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs statements on one endpoint for one run, through its {@link PgPool}. Every statement runs
 * under a statement timeout given by the caller; reads run in a {@code READ ONLY} transaction, so
 * a plan (which runs reads for real) can never change the database, whatever SQL a runbook
 * passes to {@code pg.query}. Failures come out as {@link aegis.adapters.AdapterException}s.
 */
public final class PgClient implements AutoCloseable {
  /** A unit of JDBC work on a borrowed connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Extra time the driver waits on the socket beyond the server-side statement timeout. */
  private static final long NETWORK_GRACE_MS = 10_000;

  private final PgPool pool;

  PgClient(PgPool pool) { this.pool = pool; }

  /** A client with at most {@code maxConnections} connections; {@code password} null for none. */
  public static PgClient open(PgEndpoint endpoint, String password, int maxConnections) {
    return new PgClient(new PgPool(endpoint, password, maxConnections));
  }

  public PgEndpoint endpoint() { return pool.endpoint(); }

  /**
   * Whether the server accepts connections and answers a query, like {@code pg_isready}. A
   * refused, timed-out or shutting-down server is not ready; bad credentials or a missing database
   * are configuration errors and throw, because waiting would never make them ready.
   */
  public boolean ready(Duration timeout) {
    try {
      return withSession("readiness check", timeout, timeout, c -> {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
          return rs.next();
        }
      });
    } catch (aegis.adapters.AdapterException e) {
      if (e.getCause() instanceof SQLException sql && notReady(sql)) return false;
      throw e;
    }
  }

  private static boolean notReady(SQLException e) {
    var state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("57P") || state.equals("57014");
  }

  /** Rows of a read-only statement with {@code ?} parameters. */
  public List<PgRow> query(String sql, List<String> params, Duration timeout) {
    return read("query", timeout, c -> {
      try (var ps = prepare(c, sql, params); var rs = ps.executeQuery()) {
        return PgTypes.rows(rs);
      }
    });
  }

  /** Runs a statement that may write (auto-commit); the number of rows it changed (0 for DDL). */
  public long exec(String sql, List<String> params, Duration timeout) {
    return write("exec", timeout, c -> {
      try (var ps = prepare(c, sql, params)) {
        ps.execute();
        long n = ps.getLargeUpdateCount();
        return Math.max(n, 0);
      }
    });
  }

  private static PreparedStatement prepare(Connection c, String sql, List<String> params) throws SQLException {
    var ps = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
    return ps;
  }

  /** Runs {@code work} in a read-only transaction (rolled back: reads change nothing). */
  <T> T read(String what, Duration timeout, SqlWork<T> work) {
    return withSession(what, timeout, null, c -> {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      T result;
      try {
        result = work.run(c);
      } catch (SQLException | RuntimeException e) {
        // Also for our own failures (an unknown table): the connection must leave the transaction before reuse.
        endReadOnly(c, e);
        throw e;
      }
      endReadOnly(c, null);
      return result;
    });
  }

  /**
   * Rolls back and restores auto-commit. When that fails after an earlier error, the connection is
   * closed (so the pool drops it) and the earlier error is the one reported.
   */
  private static void endReadOnly(Connection c, Exception earlier) throws SQLException {
    try {
      c.rollback();
      c.setReadOnly(false);
      c.setAutoCommit(true);
    } catch (SQLException e) {
      c.close();
      if (earlier == null) throw e;
      earlier.addSuppressed(e);
    }
  }

  /** Runs {@code work} in auto-commit mode (VACUUM and REINDEX cannot run in a transaction). */
  <T> T write(String what, Duration timeout, SqlWork<T> work) {
    return withSession(what, timeout, null, work);
  }

  /** Our own sessions' server process ids. */
  Set<Integer> ownBackendPids() { return pool.backendPids(); }

  private <T> T withSession(String what, Duration timeout, Duration connectTimeout, SqlWork<T> work) {
    var ep = pool.endpoint();
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new aegis.adapters.AdapterException(PgErrors.SYSTEM,
          what + " was not started on " + ep.display() + ": the step's time is up");
    }
    PgPool.Session s;
    try {
      s = pool.borrow(timeout, connectTimeout);
    } catch (SQLException e) {
      throw PgErrors.translate(e, ep, what, timeout);
    }
    boolean broken = false;
    try {
      applyTimeout(s, timeout);
      return work.run(s.connection);
    } catch (SQLException e) {
      broken = PgErrors.connectionLost(e);
      throw PgErrors.translate(e, ep, what, timeout);
    } finally {
      pool.release(s, broken);
    }
  }

  private static void applyTimeout(PgPool.Session s, Duration timeout) throws SQLException {
    long ms = timeout == null ? 0 : Math.max(1, timeout.toMillis());
    if (ms != s.statementTimeoutMs) {
      try (var st = s.connection.createStatement()) {
        st.execute("SET statement_timeout = " + ms);
      }
      s.statementTimeoutMs = ms;
    }
    s.connection.setNetworkTimeout(Runnable::run, ms == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, ms + NETWORK_GRACE_MS));
  }

  @Override
  public void close() { pool.close(); }
}
