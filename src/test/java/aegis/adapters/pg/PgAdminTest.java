package aegis.adapters.pg;

import static aegis.adapters.pg.PgMonitorTest.pid;
import static aegis.adapters.pg.PgMonitorTest.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.testing.PostgresServer;
import aegis.testing.RealServers;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class PgAdminTest {
  private static final Duration T = Duration.ofSeconds(10);
  private static PgTestDb db;
  private static PgClient client;

  @BeforeAll
  static void seed(PostgresServer server) {
    db = PgTestDb.create(server, "aegis_admin_ops", false);
    client = db.client();
  }

  @AfterAll
  static void close() { client.close(); }

  @Test
  void terminatesIdleSessionsButNotOursNorBusyOnes() throws Exception {
    try (var idle = db.server.adminConnection(db.database); var inTx = db.server.adminConnection(db.database)) {
      int idlePid = pid(idle);
      int txPid = pid(inTx);
      inTx.setAutoCommit(false);
      inTx.createStatement().execute("SELECT 1");
      client.query("SELECT 1", List.of(), T);
      var own = client.ownBackendPids();

      var listed = PgAdmin.idleSessions(client, Duration.ZERO, false, T).stream().map(PgAdmin.IdleSession::pid).toList();
      assertTrue(listed.contains(idlePid), listed.toString());
      assertFalse(listed.contains(txPid), "idle in transaction only when asked");
      assertTrue(listed.stream().noneMatch(own::contains), "never our own connections");
      assertTrue(PgAdmin.idleSessions(client, Duration.ofHours(1), true, T).isEmpty(), "none idle for an hour");
      var withTx = PgAdmin.idleSessions(client, Duration.ZERO, true, T);
      assertTrue(withTx.stream().anyMatch(s -> s.pid() == txPid && s.state().equals("idle in transaction")), withTx.toString());

      var ended = PgAdmin.terminateIdle(client, Duration.ZERO, false, T).stream().map(PgAdmin.IdleSession::pid).toList();
      assertTrue(ended.contains(idlePid), ended.toString());
      assertFalse(ended.contains(txPid));
      assertThrows(SQLException.class, () -> idle.createStatement().execute("SELECT 1"), "its connection was terminated");
      inTx.createStatement().execute("SELECT 1");
      assertTrue(client.ready(T), "our own connection survives");
      inTx.rollback();
    }
  }

  @Test
  void anUnknownSettingSuggestsTheNearestOnes() {
    var e = assertThrows(AdapterException.class, () -> PgAdmin.setting(client, "log_min_duraton_statement", T));
    assertEquals("PostgreSQL at 127.0.0.1:" + db.server.port() + "/aegis_admin_ops has no setting \"log_min_duraton_statement\""
        + " (did you mean log_min_duration_statement?)", e.getMessage());
    var bad = assertThrows(AdapterException.class, () -> PgAdmin.setting(client, "x; DROP TABLE entities", T));
    assertEquals("\"x; DROP TABLE entities\" is not a PostgreSQL setting name", bad.getMessage());
  }

  @Test
  void checksEnumAndBooleanValuesBeforeWriting() {
    var logStatement = PgAdmin.setting(client, "log_statement", T);
    var e = assertThrows(AdapterException.class, () -> PgAdmin.checkValue(logStatement, "everything"));
    assertEquals("\"everything\" is not a value of log_statement: one of none, ddl, mod, all", e.getMessage());
    PgAdmin.checkValue(logStatement, "ddl");
    assertThrows(AdapterException.class, () -> PgAdmin.checkValue(PgAdmin.setting(client, "log_connections", T), "maybe"));
    assertEquals("restart", PgAdmin.setting(client, "shared_buffers", T).takesEffect());
    assertEquals("reload", logStatement.takesEffect());
  }

  @Test
  void alterSystemIsPendingUntilReload() {
    try {
      var before = PgAdmin.setSystem(client, "log_min_duration_statement", "1000", T);
      assertEquals("-1", before.value());
      assertEquals("ms", before.unit());
      var pending = PgAdmin.pendingChanges(client, T);
      assertEquals(List.of(new PgAdmin.PendingChange("log_min_duration_statement", "-1", "1000", false, null)), pending);
      assertEquals("-1", PgAdmin.show(client, "log_min_duration_statement", T), "not in force before the reload");

      assertTrue(PgAdmin.reload(client, T));
      // The server applies a reload asynchronously (SIGHUP), then new transactions see it.
      poll(() -> "1s".equals(PgAdmin.show(client, "log_min_duration_statement", T)) ? List.of(1) : List.of());
      assertTrue(PgAdmin.pendingChanges(client, T).isEmpty());
    } finally {
      client.exec("ALTER SYSTEM RESET log_min_duration_statement", List.of(), T);
      PgAdmin.reload(client, T);
    }
  }

  @Test
  void showsSettingsAndSizes() {
    assertEquals("UTF8", PgAdmin.show(client, "server_encoding", T));
    assertNull(PgAdmin.show(client, "no_such_setting", T));
    assertTrue(PgAdmin.databaseSize(client, null, T) > 1_000_000, "a seeded database takes some megabytes");
    var e = assertThrows(AdapterException.class, () -> PgAdmin.databaseSize(client, "nope", T));
    assertEquals("no database \"nope\" on 127.0.0.1:" + db.server.port(), e.getMessage());
  }

  @Test
  void resetsStatistics() {
    var before = PgAdmin.statsResetAt(client, T);
    PgAdmin.statsReset(client, T);
    var after = poll(() -> {
      var at = PgAdmin.statsResetAt(client, T);
      return at != null && !at.equals(before) ? List.of(at) : List.<String>of();
    }).getFirst();
    assertNotEquals(before, after);
  }
}
