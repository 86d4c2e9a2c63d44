package aegis.sandbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A database performance incident, live, for {@code incident-db-performance} to find: a
 * compliance report that never finishes (a long-running query), and a filing that an analyst left
 * open in a transaction, which the report scheduler now waits for (a blocked lock and its
 * blocker, idle in transaction). The sessions live until the sandbox stops.
 *
 * <p>They run in a database of their own ({@value #DATABASE}, the compliance team's), because in
 * the platform's database they would stall {@code db-maintenance} forever: REINDEX waits for every
 * lock and every older snapshot on the tables it rebuilds. The incident runbook reads activity
 * and locks server-wide, so it finds them all the same.
 */
final class IncidentSessions implements AutoCloseable {
  static final String DATABASE = "aegisshield_reports";

  private static final String SCHEMA = """
      CREATE TABLE sar_filings (
        id bigint PRIMARY KEY,
        entity_id bigint NOT NULL,
        status text NOT NULL,
        reviewer text,
        updated_at timestamptz NOT NULL DEFAULT now());
      INSERT INTO sar_filings (id, entity_id, status) SELECT i, i * 17, 'draft' FROM generate_series(1, 200) i;
      -- The quarterly snapshot: it scans for a day (here: sleeps), like the real one on a bad plan.
      CREATE FUNCTION compliance_snapshot(quarter text) RETURNS SETOF sar_filings LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_sleep(86400);
        RETURN QUERY SELECT * FROM sar_filings;
      END $$;
      """;

  private final List<Connection> connections = new ArrayList<>();
  private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

  private IncidentSessions() {}

  /** Creates the reports database and starts the sessions; returns once the waiter waits and the report runs. */
  static IncidentSessions start(String url, String user) throws SQLException {
    var sessions = new IncidentSessions();
    try {
      sessions.begin(url, user);
      return sessions;
    } catch (SQLException | RuntimeException e) {
      sessions.close();
      throw e;
    }
  }

  private void begin(String url, String user) throws SQLException {
    try (var admin = connect(url + "/postgres", user, "aegis-sandbox"); var st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + DATABASE);
    }
    var reports = url + "/" + DATABASE;
    try (var c = connect(reports, user, "aegis-sandbox"); var st = c.createStatement()) {
      st.execute(SCHEMA);
    }
    var report = connect(reports, user, "compliance-report");
    var analyst = connect(reports, user, "analyst-console");
    var scheduler = connect(reports, user, "report-scheduler");
    int reportPid = pid(report);
    int schedulerPid = pid(scheduler);
    background.submit(() -> runQuietly(report, "SELECT * FROM compliance_snapshot('2026-Q4')"));
    analyst.setAutoCommit(false);
    try (var st = analyst.createStatement()) {
      st.executeUpdate("UPDATE sar_filings SET status = 'in_review', reviewer = 's.mehta', updated_at = now() WHERE id = 42");
    }
    background.submit(() -> runQuietly(scheduler, "UPDATE sar_filings SET status = 'submitted', updated_at = now() WHERE id = 42"));
    try (var probe = connect(reports, user, "aegis-sandbox")) {
      awaitState(probe, reportPid, "active");
      awaitState(probe, schedulerPid, "Lock");
    }
  }

  private Connection connect(String url, String user, String application) throws SQLException {
    var props = new Properties();
    props.setProperty("user", user);
    props.setProperty("ApplicationName", application);
    var c = DriverManager.getConnection(url, props);
    if (!application.equals("aegis-sandbox")) connections.add(c);
    return c;
  }

  private static int pid(Connection c) throws SQLException {
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Waits (briefly) until {@code pid} is {@code active}, or waits for a lock when {@code state} is {@code Lock}. */
  private static void awaitState(Connection probe, int pid, String state) throws SQLException {
    var sql = "SELECT state, wait_event_type FROM pg_stat_activity WHERE pid = ?";
    for (int attempt = 0; attempt < 200; attempt++) {
      try (var ps = probe.prepareStatement(sql)) {
        ps.setInt(1, pid);
        try (var rs = ps.executeQuery()) {
          if (rs.next() && (state.equals(rs.getString(1)) || state.equals(rs.getString(2)))) return;
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while starting the incident sessions");
      }
    }
    throw new SQLException("the incident session " + pid + " did not reach state " + state);
  }

  /** Runs a statement that is meant to hang until the sandbox stops; how it ends does not matter. */
  private static void runQuietly(Connection c, String sql) {
    try (var st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      // Ended by the sandbox stopping: the connection was closed or the server shut down.
    }
  }

  @Override
  public void close() {
    for (var c : connections) {
      try {
        c.abort(Runnable::run);
      } catch (SQLException e) {
        // the server may be gone already
      }
    }
    background.shutdownNow();
  }
}
