package aegis.adapters.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The connections of one run to one endpoint: at most {@code max} at a time, idle ones reused, all
 * closed when the run ends. A run issues tens of statements, some from {@code parallel} loops, so a
 * small pool of plain pgjdbc connections is enough; it needs no housekeeping thread (HikariCP's
 * would outlive nothing here and brings a dependency for no gain).
 */
final class PgPool implements AutoCloseable {
  /** Idle connections older than this are checked before reuse (the server may have restarted). */
  private static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final PgEndpoint endpoint;
  private final Properties props;
  private final Semaphore permits;
  private final Deque<Session> idle = new ArrayDeque<>();
  private final Set<Session> all = new HashSet<>();
  private boolean closed;

  /** A pooled connection with what this pool knows about its session state. */
  static final class Session {
    final Connection connection;
    final int backendPid;
    long statementTimeoutMs = -1;
    long idleSince;

    Session(Connection connection, int backendPid) {
      this.connection = connection;
      this.backendPid = backendPid;
    }
  }

  PgPool(PgEndpoint endpoint, String password, int max) {
    this.endpoint = endpoint;
    this.permits = new Semaphore(max, true);
    props = new Properties();
    props.setProperty("user", endpoint.user());
    if (password != null) props.setProperty("password", password);
    props.setProperty("ApplicationName", "aegis");
    props.setProperty("sslmode", endpoint.sslMode());
    // Runbook parameters arrive as strings; let the server infer their types from the statement.
    props.setProperty("stringtype", "unspecified");
    props.setProperty("tcpKeepAlive", "true");
  }

  PgEndpoint endpoint() { return endpoint; }

  /**
   * A session for one call; give it back with {@link #release}. Waits at most {@code wait} for a
   * free connection (without limit when null: the step's timeout interrupts the wait), and connects
   * within {@code connectTimeout} (the endpoint's when null).
   */
  Session borrow(Duration wait, Duration connectTimeout) throws SQLException {
    try {
      if (wait == null) {
        permits.acquire();
      } else if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SQLException("every connection of this run to " + endpoint.display() + " stayed busy", "57014");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection", "08004", e);
    }
    try {
      Session s;
      while ((s = pollIdle()) != null) {
        if (System.nanoTime() - s.idleSince < VALIDATE_AFTER_NANOS || s.connection.isValid(2)) return s;
        discard(s);
      }
      return open(connectTimeout == null ? endpoint.connectTimeout() : connectTimeout);
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Gives a session back; a {@code broken} one is closed instead of reused. */
  void release(Session s, boolean broken) {
    try {
      if (broken || isClosed(s)) {
        discard(s);
        return;
      }
      synchronized (this) {
        if (!closed) {
          s.idleSince = System.nanoTime();
          idle.push(s);
          return;
        }
      }
      discard(s);
    } finally {
      permits.release();
    }
  }

  private static boolean isClosed(Session s) {
    try {
      return s.connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** The server process ids of this pool's own sessions (so that we never terminate ourselves). */
  synchronized Set<Integer> backendPids() {
    var pids = new HashSet<Integer>();
    for (var s : all) pids.add(s.backendPid);
    return pids;
  }

  private synchronized Session pollIdle() { return idle.poll(); }

  private Session open(Duration connectTimeout) throws SQLException {
    var p = new Properties();
    p.putAll(props);
    var seconds = Long.toString(Math.max(1, (connectTimeout.toMillis() + 999) / 1000));
    p.setProperty("connectTimeout", seconds);
    p.setProperty("loginTimeout", seconds);
    var c = DriverManager.getConnection(endpoint.jdbcUrl(), p);
    int pid = c.unwrap(org.postgresql.PGConnection.class).getBackendPID();
    var s = new Session(c, pid);
    synchronized (this) {
      if (closed) {
        c.close();
        throw new SQLException("the run has ended", "08003");
      }
      all.add(s);
    }
    return s;
  }

  private void discard(Session s) {
    synchronized (this) {
      all.remove(s);
    }
    try {
      s.connection.close();
    } catch (SQLException ignored) {
      // The connection is already gone; nothing is left to release.
    }
  }

  @Override
  public void close() {
    Set<Session> toClose;
    synchronized (this) {
      closed = true;
      toClose = new HashSet<>(all);
      all.clear();
      idle.clear();
    }
    for (var s : toClose) {
      try {
        s.connection.close();
      } catch (SQLException ignored) {
        // Closing at the end of a run: a connection the server already dropped needs nothing more.
      }
    }
  }
}
