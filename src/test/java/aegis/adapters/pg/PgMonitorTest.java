package aegis.adapters.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.testing.PostgresServer;
import aegis.testing.RealServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The incident reads against real sessions: a slow query (pg_sleep) and locks held by another connection. */
@ExtendWith(RealServers.class)
class PgMonitorTest {
  private static final Duration T = Duration.ofSeconds(10);
  private static PgTestDb db;
  private static PgClient client;

  @BeforeAll
  static void seed(PostgresServer server) {
    db = PgTestDb.create(server, "aegis_monitor", false);
    client = db.client();
  }

  @AfterAll
  static void close() { client.close(); }

  @Test
  void countsConnectionsByStateWithoutItself() throws Exception {
    try (var idle = db.server.adminConnection(db.database); var busy = db.server.adminConnection(db.database)) {
      assertTrue(pid(idle) > 0);
      busy.setAutoCommit(false);
      busy.createStatement().execute("SELECT 1");
      var c = PgMonitor.connections(client, T);
      assertTrue(c.idle() >= 1, c.toString());
      assertTrue(c.idleInTransaction() >= 1, c.toString());
      assertEquals(60, c.max());
      assertTrue(c.total() >= 2 && c.total() <= c.max(), c.toString());
      busy.rollback();
    }
  }

  @Test
  void findsAQueryRunningLongerThanTheThreshold() throws Exception {
    try (var sleeper = db.server.adminConnection(db.database); var admin = db.server.adminConnection(db.database)) {
      int pid = pid(sleeper);
      var sleeping = background(() -> sleeper.createStatement().execute("SELECT pg_sleep(60) /* slow report */"));
      var found = poll(() -> PgMonitor.longRunning(client, Duration.ofMillis(200), T).stream().filter(q -> q.pid() == pid).toList());
      var q = found.getFirst();
      assertEquals("aegis_monitor", q.database());
      assertEquals(PostgresServer.ADMIN, q.user());
      assertEquals("active", q.state());
      assertEquals("SELECT pg_sleep(60) /* slow report */", q.query());
      assertTrue(q.runningFor().compareTo(Duration.ofMillis(200)) >= 0, q.runningFor().toString());
      assertTrue(PgMonitor.longRunning(client, Duration.ofHours(1), T).stream().noneMatch(r -> r.pid() == pid),
          "a threshold longer than the query's run leaves it out");
      admin.createStatement().execute("SELECT pg_cancel_backend(" + pid + ")");
      sleeping.join(10_000);
    }
  }

  @Test
  void showsWhoBlocksWhom() throws Exception {
    try (var holder = db.server.adminConnection(db.database);
        var rowWaiter = db.server.adminConnection(db.database);
        var tableWaiter = db.server.adminConnection(db.database)) {
      int holderPid = pid(holder);
      int rowPid = pid(rowWaiter);
      int tablePid = pid(tableWaiter);
      holder.setAutoCommit(false);
      holder.createStatement().execute("UPDATE alerts SET status = 'triage' WHERE id = 1");
      holder.createStatement().execute("LOCK TABLE cases IN ACCESS EXCLUSIVE MODE");
      var w1 = background(() -> rowWaiter.createStatement().execute("UPDATE alerts SET status = 'closed' WHERE id = 1"));
      var w2 = background(() -> tableWaiter.createStatement().execute("SELECT count(*) FROM cases"));
      var blocked = poll(() -> {
        var all = PgMonitor.blockedLocks(client, T);
        return all.size() >= 2 ? all : List.<PgMonitor.BlockedQuery>of();
      });
      var row = blocked.stream().filter(b -> b.pid() == rowPid).findFirst().orElseThrow();
      assertEquals("transactionid", row.lockType());
      assertEquals("ShareLock", row.mode());
      assertNull(row.relation());
      assertEquals(List.of(holderPid), row.blockedBy());
      assertEquals("idle in transaction", row.blockingState());
      assertEquals("LOCK TABLE cases IN ACCESS EXCLUSIVE MODE", row.blockingQuery());
      assertEquals("UPDATE alerts SET status = 'closed' WHERE id = 1", row.query());
      var table = blocked.stream().filter(b -> b.pid() == tablePid).findFirst().orElseThrow();
      assertEquals("relation", table.lockType());
      assertEquals("AccessShareLock", table.mode());
      assertEquals("cases", table.relation());
      assertEquals(List.of(holderPid), table.blockedBy());
      holder.rollback();
      w1.join(10_000);
      w2.join(10_000);
      assertTrue(PgMonitor.blockedLocks(client, T).isEmpty(), "nothing waits once the holder is gone");
    }
  }

  @Test
  void cacheHitRatioCountsUserTableReads() {
    client.query("SELECT count(*) FROM transactions", List.of(), T);
    var hit = poll(() -> {
      var h = PgMonitor.cacheHit(client, T);
      return h.ratio() == null ? List.<PgMonitor.CacheHit>of() : List.of(h);
    }).getFirst();
    assertNotNull(hit.ratio());
    assertTrue(hit.ratio() > 0 && hit.ratio() <= 1, hit.toString());
    assertEquals((double) hit.hits() / (hit.hits() + hit.reads()), hit.ratio(), 1e-9);
  }

  @Test
  void reportsTheServerVersion() {
    assertEquals(14, PgMonitor.serverVersion(client, T) / 10000, "zonky's default binaries are PostgreSQL 14");
  }

  static int pid(Connection c) throws SQLException {
    try (var rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  interface SqlRunnable {
    void run() throws SQLException;
  }

  /**
   * Runs a statement that blocks on a thread of its own (the common pool may have a single thread
   * on two cores); its failure is expected: the test cancels or ends these statements itself.
   */
  static Thread background(SqlRunnable r) {
    return Thread.ofVirtual().start(() -> {
      try {
        r.run();
      } catch (SQLException expected) {
        // Cancelled by the test.
      }
    });
  }

  /** Waits (boundedly) until the server shows what another session started: activity is asynchronous. */
  static <T> List<T> poll(Supplier<List<T>> read) {
    for (int i = 0; i < 200; i++) {
      var r = read.get();
      if (!r.isEmpty()) return r;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the server never showed the expected sessions");
  }
}
