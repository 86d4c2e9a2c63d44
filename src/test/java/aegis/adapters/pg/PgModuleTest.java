package aegis.adapters.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinRegistry;
import aegis.adapters.CredentialSource;
import aegis.eval.Value;
import aegis.testing.PostgresServer;
import aegis.testing.RealServers;
import aegis.testing.TestCallContext;
import aegis.testing.adapters.StdlibExterns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pg module as the evaluator calls it: through the registry, with aegis values in and out. */
@ExtendWith(RealServers.class)
class PgModuleTest {
  private static PgTestDb db;
  private static BuiltinRegistry registry;
  private TestCallContext plan;
  private TestCallContext apply;

  @BeforeAll
  static void seed(PostgresServer server) {
    db = PgTestDb.create(server, "aegis_module", true);
    registry = new BuiltinRegistry(List.of(new PgModule(PgTestDb.credentials())));
  }

  @BeforeEach
  void runs() {
    plan = TestCallContext.plan();
    apply = TestCallContext.apply();
  }

  @AfterEach
  void endRuns() {
    plan.close();
    apply.close();
  }

  private static Value call(TestCallContext ctx, String fn, Value... args) {
    var all = new ArrayList<Value>();
    all.add(db.endpointValue());
    all.addAll(List.of(args));
    return registry.find("pg", fn).orElseThrow().invoke().call(ctx, new Args(fn, all));
  }

  private static aegis.adapters.ActionPreview preview(TestCallContext ctx, String fn, Value... args) {
    var all = new ArrayList<Value>();
    all.add(db.endpointValue());
    all.addAll(List.of(args));
    return registry.find("pg", fn).orElseThrow().preview().preview(ctx, new Args(fn, all));
  }

  private static Value str(String s) { return new Value.Str(s); }

  private static Value none() { return Value.Null.INSTANCE; }

  private static final Value NO_PARAMS = new Value.ListV(List.of());

  @Test
  void implementsExactlyTheStdlibDeclarationsWithAPreviewForEveryWrite() throws Exception {
    StdlibExterns.assertBound(new PgModule());
  }

  @Test
  void queryRowsAreTextWithNullsLeftOut() {
    var rows = call(apply, "query", str("SELECT 1 AS n, true AS ok, NULL::text AS gone, 2.50::numeric AS amount, interval '90 seconds' AS d"), NO_PARAMS);
    assertEquals(new Value.ListV(List.of(new Value.MapV(Map.of("n", str("1"), "ok", str("true"), "amount", str("2.50"), "d", str("1m30s"))))), rows);
    assertEquals(str("entity 7"), call(apply, "scalar", str("SELECT name FROM entities WHERE id = ?"), new Value.ListV(List.of(str("7")))));
    assertEquals(none(), call(apply, "scalar", str("SELECT name FROM entities WHERE id = -1"), NO_PARAMS));
    assertEquals(none(), call(apply, "scalar", str("SELECT NULL"), NO_PARAMS));
  }

  @Test
  void recordsCarryTheDeclaredFields() {
    var conns = (Value.Rec) call(apply, "activeConnections");
    assertEquals("pg.ConnectionStats", conns.type());
    assertEquals(List.of("total", "active", "idle", "idleInTransaction", "waitingOnLocks", "maxConnections", "usage"), List.copyOf(conns.fields().keySet()));
    assertEquals(new Value.Int(60), conns.get("maxConnections"));

    var tables = ((Value.ListV) call(apply, "tableStats")).items();
    assertEquals(7, tables.size());
    var size = assertInstanceOf(Value.Qty.class, ((Value.Rec) tables.getFirst()).get("size"));
    assertTrue(size.amount().signum() > 0);

    var top = ((Value.ListV) call(apply, "topStatements", new Value.Int(3), new Value.EnumV("pg.StatementOrder", "Calls"))).items();
    assertFalse(top.isEmpty());
    assertEquals("pg.Statement", ((Value.Rec) top.getFirst()).type());

    assertInstanceOf(Value.Int.class, call(apply, "serverVersion"));
    assertEquals(str("UTF8"), call(apply, "setting", str("server_encoding")));
    assertInstanceOf(Value.Qty.class, call(apply, "databaseSize", none()));
    assertEquals(new Value.ListV(List.of()), call(apply, "longRunningQueries", new Value.Dur(Duration.ofMinutes(5))));
    assertEquals(new Value.ListV(List.of()), call(apply, "blockedLocks"));
  }

  @Test
  void oneConnectionPoolPerEndpointPerRunAndThePasswordIsRegisteredAsSecret() {
    call(apply, "ready", new Value.Dur(Duration.ofSeconds(5)));
    call(apply, "cacheHitRatio");
    assertEquals(1, apply.resourceCount());
    assertEquals(List.of(PostgresServer.ADMIN_PASSWORD), apply.secrets());
  }

  @Test
  void aMissingVariableSaysWhichOne() {
    var pg = new BuiltinRegistry(List.of(new PgModule(CredentialSource.environment(Map.of()))));
    var e = assertThrows(AdapterException.class, () -> pg.find("pg", "ready").orElseThrow().invoke()
        .call(apply, new Args("ready", List.of(db.endpointValue(), new Value.Dur(Duration.ofSeconds(5))))));
    assertEquals("the environment variable AEGIS_TEST_PG_PASSWORD is not set: export it before running aegis", e.getMessage());
  }

  @Test
  void theRunsCredentialSourceWins() {
    var wrong = "wrong-horse-battery";
    apply.resource(CredentialSource.RUN_RESOURCE, () -> CredentialSource.environment(Map.of(PgTestDb.PASSWORD_VAR, wrong)));
    var e = assertThrows(AdapterException.class, () -> call(apply, "ready", new Value.Dur(Duration.ofSeconds(5))));
    assertTrue(e.getMessage().startsWith("authentication failed for user \"aegis_admin\""), e.getMessage());
    assertFalse(e.getMessage().contains(wrong));
    assertEquals(List.of(wrong), apply.secrets());
  }

  @Test
  void aStepWhoseTimeIsUpStartsNothing() {
    apply.deadline(Instant.now().minusSeconds(1));
    var e = assertThrows(AdapterException.class, () -> call(apply, "query", str("SELECT 1"), NO_PARAMS));
    assertTrue(e.getMessage().endsWith("the step's time is up"), e.getMessage());
  }

  @Test
  void planningReadsButChangesNothing() throws Exception {
    var vacuum = preview(plan, "vacuumAnalyze", none());
    assertEquals("pg 127.0.0.1:" + db.server.port() + "/aegis_module", vacuum.target());
    assertEquals("VACUUM ANALYZE", vacuum.operation());
    assertTrue(vacuum.description().startsWith("VACUUM ANALYZE aegis_module: 7 tables"), vacuum.description());
    assertEquals(7, vacuum.live().get("tables").size());
    assertEquals("VACUUM (ANALYZE)", vacuum.desired().get("statement").asText());
    try (var check = db.client()) {
      assertTrue(PgMaintenance.tableStats(check, null, Duration.ofSeconds(5)).stream().allMatch(t -> t.lastVacuum() == null),
          "planning did not vacuum");
    }

    var reindex = preview(plan, "reindex", str("alerts"), Value.Bool.TRUE);
    assertEquals("REINDEX", reindex.operation());
    assertEquals(2, reindex.live().get("indexes").size());
    assertEquals("REINDEX TABLE CONCURRENTLY alerts", reindex.desired().get("statement").asText());

    var set = preview(plan, "setSystem", str("log_min_duration_statement"), str("1000"));
    assertEquals("ALTER SYSTEM SET log_min_duration_statement = '1000' (now -1 ms); takes effect after pg.reload", set.description());
    assertEquals("-1", set.live().get("log_min_duration_statement").asText());
    var restart = preview(plan, "setSystem", str("shared_preload_libraries"), str("pg_stat_statements"));
    assertTrue(restart.description().endsWith("takes effect only after a PostgreSQL restart"), restart.description());

    var reload = preview(plan, "reload");
    assertEquals("reload", reload.operation());
    assertEquals(0, reload.live().get("pending").size(), "planning setSystem wrote nothing");

    try (var idle = db.server.adminConnection(db.database)) {
      int pid = PgMonitorTest.pid(idle);
      var terminate = preview(plan, "terminateIdle", new Value.Dur(Duration.ZERO), Value.Bool.FALSE);
      assertEquals("terminate", terminate.operation());
      assertTrue(terminate.description().startsWith("terminate "), terminate.description());
      assertTrue(terminate.description().contains(" on aegis_module idle longer than 0s ("), terminate.description());
      assertTrue(terminate.description().contains("PostgreSQL JDBC Driver"), terminate.description());
      assertTrue(java.util.stream.StreamSupport.stream(terminate.live().get("sessions").spliterator(), false)
          .anyMatch(s -> s.get("pid").asInt() == pid));
      idle.createStatement().execute("SELECT 1");
      var none = preview(plan, "terminateIdle", new Value.Dur(Duration.ofHours(1)), Value.Bool.FALSE);
      assertEquals("noop", none.operation());
      assertEquals("no session on aegis_module is idle longer than 1h now", none.description());
    }
  }

  @Test
  void execIsPlannedWithThePlannersEstimate() {
    var update = preview(plan, "exec", str("UPDATE alerts SET status = ? WHERE status = 'open'"), new Value.ListV(List.of(str("triage"))));
    assertEquals("UPDATE", update.operation());
    assertTrue(update.description().matches("UPDATE on aegis_module with 1 parameter: about \\d+ rows by the planner's estimate"), update.description());
    assertEquals("triage", update.desired().get("params").get(0).asText());
    assertEquals(str("400"), call(apply, "scalar", str("SELECT count(*) FROM alerts WHERE status = 'open'"), NO_PARAMS), "planning changed nothing");

    var ddl = preview(plan, "exec", str("CREATE INDEX ON audit_log (actor)"), NO_PARAMS);
    assertEquals("CREATE", ddl.operation());
    assertEquals("CREATE on aegis_module", ddl.description());

    var e = assertThrows(AdapterException.class, () -> preview(plan, "exec", str("DELETE FROM alertz"), NO_PARAMS));
    assertTrue(e.getMessage().contains("relation \"alertz\" does not exist"), e.getMessage());
  }

  @Test
  void writesRunOnApply() {
    assertEquals(new Value.Int(2), call(apply, "exec", str("INSERT INTO audit_log (actor, action) VALUES ('aegis', ?), ('aegis', ?)"),
        new Value.ListV(List.of(str("a"), str("b")))));
    assertEquals(none(), call(apply, "vacuumAnalyze", str("audit_log")));
    assertEquals(none(), call(apply, "reindex", str("audit_log"), Value.Bool.FALSE));
    assertTrue(apply.progressLines().stream().anyMatch(l -> l.startsWith("VACUUM (ANALYZE) audit_log finished in ")), apply.progressLines().toString());
    assertTrue(apply.progressLines().stream().anyMatch(l -> l.startsWith("REINDEX TABLE audit_log finished in ")), apply.progressLines().toString());
    assertEquals(new Value.Int(0), call(apply, "terminateIdle", new Value.Dur(Duration.ofHours(1)), Value.Bool.FALSE));
  }
}
