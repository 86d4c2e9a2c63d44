package aegis.adapters.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.eval.Value;
import aegis.testing.PostgresServer;
import aegis.testing.TestCallContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Failures that need a server of their own: one started without pg_stat_statements preloaded,
 * then stopped in the middle of a run.
 */
class PgServerFailureTest {

  @Test
  void aServerWithoutPreloadAndThenAServerThatStops() throws Exception {
    var server = PostgresServer.startDedicated(false);
    try {
      var db = PgTestDb.create(server, "aegis_doomed", true);
      notLoaded(db);
      stopsMidRun(server, db);
    } finally {
      server.close();
    }
  }

  private static void notLoaded(PgTestDb db) {
    try (var client = db.client()) {
      var e = assertThrows(AdapterException.class, () -> PgStatements.top(client, 5, PgStatements.Order.MEAN_TIME, Duration.ofSeconds(10)));
      assertEquals("pg_stat_statements is installed in database \"aegis_doomed\" but not loaded by the server (127.0.0.1:"
          + db.server.port() + "/aegis_doomed): add it to shared_preload_libraries (pg.setSystem) and restart PostgreSQL", e.getMessage());
    }
  }

  private static void stopsMidRun(PostgresServer server, PgTestDb db) throws Exception {
    var pg = new PgModule(PgTestDb.credentials());
    var endpoint = db.endpointValue();
    try (var run = TestCallContext.apply()) {
      assertEquals(Value.Bool.TRUE, pg.ready(run, new Args("ready", List.of(endpoint, new Value.Dur(Duration.ofSeconds(5))))));

      var failure = new AtomicReference<Throwable>();
      var step = Thread.ofVirtual().start(() -> {
        try {
          pg.query(run, new Args("query", List.of(endpoint, new Value.Str("SELECT pg_sleep(60)"), new Value.ListV(List.of()))));
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      PgMonitorTest.poll(() -> {
        try (var c = server.adminConnection("postgres");
            var rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)'")) {
          rs.next();
          return rs.getLong(1) > 0 ? List.of(1) : List.of();
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      server.close();
      step.join(30_000);

      var e = (AdapterException) failure.get();
      assertTrue(e.getMessage().startsWith("the PostgreSQL server shut down during query (127.0.0.1:" + server.port()
          + "/aegis_doomed): "), e.getMessage());

      var next = assertThrows(AdapterException.class,
          () -> pg.activeConnections(run, new Args("activeConnections", List.of(endpoint))));
      assertTrue(next.getMessage().startsWith("cannot reach PostgreSQL at 127.0.0.1:" + server.port() + " during counting connections: "),
          next.getMessage());
      assertTrue(next.getMessage().endsWith("(is the server running and listening there?)"), next.getMessage());
      assertFalse(((Value.Bool) pg.ready(run, new Args("ready", List.of(endpoint, new Value.Dur(Duration.ofSeconds(2)))))).value());
    }
  }
}
