package aegis.adapters.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.testing.PostgresServer;
import aegis.testing.RealServers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** pg_stat_statements on the shared server, which preloads it; its PostgreSQL 12 shape; and its absence. */
@ExtendWith(RealServers.class)
class PgStatementsTest {
  private static final Duration T = Duration.ofSeconds(10);
  private static PgTestDb db;
  private static PgClient client;

  @BeforeAll
  static void seed(PostgresServer server) {
    db = PgTestDb.create(server, "aegis_statements", true);
    client = db.client();
    client.exec("SELECT pg_stat_statements_reset()", List.of(), T);
    for (int i = 0; i < 5; i++) client.query("SELECT count(*) FROM transactions WHERE amount > ?", List.of(Integer.toString(i)), T);
    client.query("SELECT pg_sleep(0.05)", List.of(), T);
  }

  @AfterAll
  static void close() { client.close(); }

  @Test
  void ranksStatementsOfTheConnectedDatabase() {
    var byCalls = PgStatements.top(client, 50, PgStatements.Order.CALLS, T);
    var counted = byCalls.stream().filter(s -> s.query().equals("SELECT count(*) FROM transactions WHERE amount > $1")).findFirst().orElseThrow();
    assertEquals(5, counted.calls());
    assertEquals(5, counted.rows());
    assertTrue(counted.totalTime().compareTo(counted.meanTime()) >= 0);
    assertTrue(counted.maxTime().compareTo(counted.meanTime()) >= 0);
    assertTrue(counted.hitRatio() > 0 && counted.hitRatio() <= 1);

    var slowest = PgStatements.top(client, 1, PgStatements.Order.MEAN_TIME, T);
    assertEquals(1, slowest.size());
    assertEquals("SELECT pg_sleep($1)", slowest.getFirst().query());
    assertTrue(slowest.getFirst().meanTime().compareTo(Duration.ofMillis(50)) >= 0);
  }

  @Test
  void readsThePostgres12Columns() throws Exception {
    try (var c = db.server.adminConnection(db.database); var st = c.createStatement()) {
      // PostgreSQL 12's view, column for column as far as this adapter reads it.
      st.execute("CREATE SCHEMA IF NOT EXISTS pg12");
      st.execute("""
          CREATE OR REPLACE VIEW pg12.pg_stat_statements AS
          SELECT userid, dbid, queryid, query, calls, total_exec_time AS total_time, min_exec_time AS min_time,
                 max_exec_time AS max_time, mean_exec_time AS mean_time, stddev_exec_time AS stddev_time, rows,
                 shared_blks_hit, shared_blks_read
          FROM public.pg_stat_statements""");
      var legacy = PgStatements.top(c, db.endpoint(), "pg12", 3, PgStatements.Order.TOTAL_TIME);
      var current = PgStatements.top(c, db.endpoint(), "public", 3, PgStatements.Order.TOTAL_TIME);
      assertEquals(3, legacy.size());
      assertEquals(current.stream().map(PgStatements.TopStatement::query).toList(), legacy.stream().map(PgStatements.TopStatement::query).toList());
    }
  }

  @Test
  void choosesColumnsByWhatTheViewHas() {
    assertEquals(PgStatements.Shape.EXEC, PgStatements.Shape.of(Set.of("query", "total_exec_time", "mean_exec_time", "max_exec_time")));
    assertEquals(PgStatements.Shape.LEGACY, PgStatements.Shape.of(Set.of("query", "total_time", "mean_time", "max_time")));
    var e = assertThrows(AdapterException.class, () -> PgStatements.Shape.of(Set.of("query", "calls")));
    assertEquals("pg_stat_statements has neither total_exec_time nor total_time; its columns are [calls, query]", e.getMessage());
  }

  @Test
  void saysHowToInstallTheExtensionWhenItIsAbsent(PostgresServer server) {
    var bare = PgTestDb.create(server, "aegis_no_statements", false);
    try (var c = bare.client()) {
      var e = assertThrows(AdapterException.class, () -> PgStatements.top(c, 10, PgStatements.Order.MEAN_TIME, T));
      assertEquals("pg_stat_statements is not installed in database \"aegis_no_statements\" (127.0.0.1:" + server.port()
          + "/aegis_no_statements): run CREATE EXTENSION pg_stat_statements there, with pg_stat_statements in shared_preload_libraries",
          e.getMessage());
    }
  }
}
