package aegis.adapters.pg;

import static aegis.adapters.pg.PgMonitorTest.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.testing.PostgresServer;
import aegis.testing.RealServers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class PgMaintenanceTest {
  private static final Duration T = Duration.ofSeconds(30);
  private static PgTestDb db;
  private static PgClient client;

  @BeforeAll
  static void seed(PostgresServer server) {
    db = PgTestDb.create(server, "aegis_maintenance", false);
    client = db.client();
  }

  @AfterAll
  static void close() { client.close(); }

  /** The statistics collector reports a session's counts shortly after its transaction ends. */
  private static List<PgMaintenance.TableStats> statsOnceDeadRowsShow() {
    return poll(() -> {
      var stats = PgMaintenance.tableStats(client, null, T);
      return stats.getFirst().deadTuples() > 0 ? stats : List.of();
    });
  }

  @Test
  void vacuumPlanReadsEveryUserTable() {
    var stats = statsOnceDeadRowsShow();
    assertEquals(7, stats.size());
    assertEquals("transactions", stats.getFirst().table(), "most dead rows first");
    assertEquals(500, stats.getFirst().deadTuples());

    var plan = PgMaintenance.planVacuum(client, null, T);
    assertNull(plan.table());
    assertEquals("VACUUM (ANALYZE)", plan.statement());
    long neverVacuumed = plan.tables().stream().filter(t -> t.lastVacuum() == null).count();
    long bytes = plan.tables().stream().mapToLong(PgMaintenance.TableStats::bytes).sum();
    assertEquals("VACUUM ANALYZE aegis_maintenance: 7 tables (" + Sizes.bytes(bytes) + "), " + neverVacuumed
        + " never vacuumed, " + plan.tables().stream().filter(t -> t.lastAnalyze() == null).count() + " never analyzed, "
        + plan.tables().stream().mapToLong(PgMaintenance.TableStats::deadTuples).sum() + " dead rows", plan.description());
  }

  @Test
  void vacuumOfOneTableClearsItsDeadRows() {
    db.run("CREATE TABLE churn AS SELECT g AS id FROM generate_series(1, 1000) g; DELETE FROM churn WHERE id % 2 = 0");
    var before = poll(() -> {
      var p = PgMaintenance.planVacuum(client, "churn", T);
      return p.tables().getFirst().deadTuples() == 500 ? List.of(p) : List.<PgMaintenance.VacuumPlan>of();
    }).getFirst();
    assertEquals("churn", before.table());
    assertEquals(1, before.tables().size());
    assertNull(before.tables().getFirst().lastVacuum());

    var done = PgMaintenance.vacuum(client, "churn", T);
    assertEquals("VACUUM (ANALYZE) churn", done.statement());
    assertEquals(1, done.objects());
    var after = poll(() -> {
      var t = PgMaintenance.tableStats(client, "churn", T).getFirst();
      return t.lastVacuum() != null ? List.of(t) : List.<PgMaintenance.TableStats>of();
    }).getFirst();
    assertEquals(0, after.deadTuples());
    assertEquals(500, after.liveTuples());
    assertTrue(after.lastAnalyze() != null);
  }

  @Test
  void anUnknownTableFailsThePlan() {
    var e = assertThrows(AdapterException.class, () -> PgMaintenance.planVacuum(client, "alertz", T));
    assertEquals("no table alertz in database \"aegis_maintenance\" (127.0.0.1:" + db.server.port() + "/aegis_maintenance)", e.getMessage());
    var quote = assertThrows(AdapterException.class, () -> PgMaintenance.planReindex(client, "\"unbalanced", false, T));
    assertTrue(quote.getMessage().startsWith("no table \"unbalanced in database"), quote.getMessage());
    assertThrows(AdapterException.class, () -> PgMaintenance.planVacuum(client, "entities_name_idx", T), "an index is not a table");
  }

  @Test
  void reindexPlanListsIndexesAndTheLocksItTakes() {
    var plan = PgMaintenance.planReindex(client, null, false, T);
    assertEquals(12, plan.indexes().size(), plan.indexes().toString());
    assertTrue(plan.indexes().stream().anyMatch(i -> i.index().equals("transactions_source_idx") && i.table().equals("transactions") && i.valid()));
    assertEquals("REINDEX DATABASE \"aegis_maintenance\"", plan.statement());
    long bytes = plan.indexes().stream().mapToLong(PgMaintenance.IndexInfo::bytes).sum();
    assertTrue(plan.description().startsWith("REINDEX DATABASE \"aegis_maintenance\": rebuilds 12 indexes (" + Sizes.bytes(bytes)
        + ") on 7 tables; each table is locked against writes (SHARE)"), plan.description());

    var one = PgMaintenance.planReindex(client, "transactions", true, T);
    assertEquals("REINDEX TABLE CONCURRENTLY transactions", one.statement());
    assertEquals(List.of("transactions_pkey", "transactions_source_idx", "transactions_target_idx"),
        one.indexes().stream().map(PgMaintenance.IndexInfo::index).toList());
    assertTrue(one.description().contains("reads and writes go on"), one.description());
  }

  @Test
  void reindexRebuildsTheIndexFiles() throws Exception {
    long before = relfilenode("alerts_status_idx");
    var done = PgMaintenance.reindex(client, "alerts", true, T);
    assertEquals("REINDEX TABLE CONCURRENTLY alerts", done.statement());
    assertEquals(2, done.objects());
    long afterTable = relfilenode("alerts_status_idx");
    assertNotEquals(before, afterTable, "a rebuilt index has a new file");

    var whole = PgMaintenance.reindex(client, null, false, T);
    assertEquals(12, whole.objects());
    assertNotEquals(afterTable, relfilenode("alerts_status_idx"));
  }

  private static long relfilenode(String index) throws Exception {
    try (var c = db.server.adminConnection(db.database);
        var rs = c.createStatement().executeQuery("SELECT pg_relation_filenode('" + index + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
