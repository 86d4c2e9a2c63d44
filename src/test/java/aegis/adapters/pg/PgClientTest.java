package aegis.adapters.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.CredentialRef;
import aegis.testing.PostgresServer;
import aegis.testing.RealServers;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class PgClientTest {
  private static PgTestDb db;
  private static PgClient client;

  @BeforeAll
  static void seed(PostgresServer server) {
    db = PgTestDb.create(server, "aegis_client", false);
    client = db.client();
  }

  @AfterAll
  static void close() { client.close(); }

  private static final Duration T = Duration.ofSeconds(10);

  @Test
  void readyWhenTheServerAnswers() { assertTrue(client.ready(T)); }

  @Test
  void notReadyWhenNothingListens() throws Exception {
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var ep = new PgEndpoint("127.0.0.1", port, "x", "u", new CredentialRef.Env("UNUSED"), "disable", Duration.ofSeconds(2), null);
    try (var c = PgClient.open(ep, null, 1)) {
      assertFalse(c.ready(T));
      var e = assertThrows(AdapterException.class, () -> c.query("SELECT 1", List.of(), T));
      assertTrue(e.getMessage().startsWith("cannot reach PostgreSQL at 127.0.0.1:" + port + " during query"), e.getMessage());
      assertTrue(e.getMessage().contains("is the server running"), e.getMessage());
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationErrorNamingTheCredentialNotTheSecret() {
    var wrong = "not-the-password-4711";
    try (var c = PgClient.open(db.endpoint(), wrong, 1)) {
      var e = assertThrows(AdapterException.class, () -> c.ready(T), "bad credentials never become ready: ready must fail");
      assertEquals("postgresql", e.system());
      assertEquals("authentication failed for user \"aegis_admin\" (127.0.0.1:" + db.server.port() + "/aegis_client): "
          + "check the password in the environment variable AEGIS_TEST_PG_PASSWORD and the server's pg_hba.conf", e.getMessage());
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains(wrong), "a message shows the password: " + t);
      }
    }
  }

  @Test
  void missingDatabaseIsNamed() {
    var ep = db.endpoint();
    var other = new PgEndpoint(ep.host(), ep.port(), "no_such_db", ep.user(), ep.password(), "disable", ep.connectTimeout(), null);
    try (var c = PgClient.open(other, PostgresServer.ADMIN_PASSWORD, 1)) {
      var e = assertThrows(AdapterException.class, () -> c.ready(T));
      assertEquals("database \"no_such_db\" does not exist on 127.0.0.1:" + ep.port(), e.getMessage());
    }
  }

  @Test
  void rowsAreTyped() {
    var rows = client.query("""
        SELECT 42 AS i, 7::bigint AS big, 2.5::float8 AS f, 1.25::numeric AS n, true AS b, 'x' AS s,
               interval '1 day 2 hours 3.5 seconds' AS d, NULL::text AS nothing, ARRAY[1, 2] AS xs,
               timestamptz '2026-01-02 03:04:05+00' AS at
        """, List.of(), T);
    assertEquals(1, rows.size());
    var r = rows.getFirst();
    assertEquals(List.of("i", "big", "f", "n", "b", "s", "d", "nothing", "xs", "at"), r.columns());
    assertEquals(42L, r.get("i"));
    assertEquals(7L, r.get("big"));
    assertEquals(2.5, r.get("f"));
    assertEquals(new java.math.BigDecimal("1.25"), r.get("n"));
    assertEquals(true, r.get("b"));
    assertEquals("x", r.get("s"));
    assertEquals(Duration.ofDays(1).plusHours(2).plusMillis(3500), r.get("d"));
    assertNull(r.get("nothing"));
    assertEquals(List.of(1L, 2L), r.get("xs"));
    assertTrue(((String) r.get("at")).startsWith("2026-01-02T"), String.valueOf(r.get("at")));
  }

  @Test
  void parametersAreBoundAndTypedByTheServer() {
    var rows = client.query("SELECT name FROM entities WHERE id = ? AND risk_score >= ?", List.of("3", "0"), T);
    assertEquals(List.of("entity 3"), rows.stream().map(r -> r.get("name")).toList());
  }

  @Test
  void readsCannotWrite() {
    var e = assertThrows(AdapterException.class, () -> client.query("DELETE FROM audit_log RETURNING id", List.of(), T));
    assertTrue(e.getMessage().contains("use pg.exec for statements that write"), e.getMessage());
  }

  @Test
  void aConnectionIsUsableAgainAfterAFailedRead() {
    try (var c = db.client()) {
      assertThrows(AdapterException.class, () -> PgMaintenance.planVacuum(c, "no_such_table", T));
      assertThrows(AdapterException.class, () -> c.query("SELECT * FROM no_such_table", List.of(), T));
      assertEquals(1, c.ownBackendPids().size(), "the same connection, not a replacement");
      assertEquals(1L, c.query("SELECT 1 AS one", List.of(), T).getFirst().get("one"));
      assertEquals(0, c.exec("CREATE TEMP TABLE t_after_failure (x int)", List.of(), T), "and it can write: no transaction is left open");
    }
  }

  @Test
  void execWritesAndCountsRows() {
    assertEquals(3, client.exec("INSERT INTO audit_log (actor, action) SELECT 'aegis', 'test ' || i FROM generate_series(1, 3) i", List.of(), T));
    assertEquals(3L, client.query("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'test %'", List.of(), T).getFirst().get("n"));
    assertEquals(0, client.exec("CREATE TABLE IF NOT EXISTS scratch (x int)", List.of(), T));
  }

  @Test
  void aStatementLongerThanItsTimeoutIsCancelled() {
    var e = assertThrows(AdapterException.class, () -> client.query("SELECT pg_sleep(5)", List.of(), Duration.ofMillis(300)));
    assertEquals("query was cancelled: it ran longer than the statement timeout of 300ms (127.0.0.1:" + db.server.port()
        + "/aegis_client); raise the endpoint's statementTimeout or the step's timeout if it needs longer", e.getMessage());
    assertTrue(client.ready(T), "the connection is still usable after a cancelled statement");
  }

  @Test
  void nothingStartsWhenTheStepsTimeIsUp() {
    var e = assertThrows(AdapterException.class, () -> client.query("SELECT 1", List.of(), Duration.ZERO));
    assertTrue(e.getMessage().endsWith("the step's time is up"), e.getMessage());
  }

  @Test
  void connectionsAreReusedAndClosedWithTheRun() throws Exception {
    var c = db.client();
    for (int i = 0; i < 5; i++) c.query("SELECT 1", List.of(), T);
    assertEquals(1, c.ownBackendPids().size(), "sequential calls share one connection");
    int pid = c.ownBackendPids().iterator().next();
    c.close();
    assertTrue(c.ownBackendPids().isEmpty());
    // The server ends a backend shortly after its client hangs up: wait for that, boundedly.
    boolean gone = false;
    for (int i = 0; i < 100 && !gone; i++) {
      try (var admin = db.server.adminConnection("postgres");
          var rs = admin.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
        rs.next();
        gone = rs.getLong(1) == 0;
      }
      if (!gone) Thread.sleep(50);
    }
    assertTrue(gone, "closing the run closes its connections");
  }

}
