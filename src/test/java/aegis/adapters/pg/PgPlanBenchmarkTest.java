package aegis.adapters.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.adapters.ActionPreview;
import aegis.adapters.Args;
import aegis.adapters.BuiltinRegistry;
import aegis.eval.Value;
import aegis.testing.PostgresServer;
import aegis.testing.RealServers;
import aegis.testing.TestCallContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long planning the database maintenance takes on a database of 200 tables (400 indexes):
 * the {@code vacuumAnalyze} and {@code reindex} previews through the registry, each plan a new run
 * (a new connection), the JVM and the server warm. Run with
 * {@code ./mvnw -o test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=PgPlanBenchmarkTest}.
 */
@Tag("benchmark")
@ExtendWith(RealServers.class)
class PgPlanBenchmarkTest {
  private static final int TABLES = 200;
  private static final int WARMUP = 10;
  private static final int RUNS = 25;

  @Test
  void planVacuumAndReindexOn200Tables(PostgresServer server) throws Exception {
    var db = PgTestDb.create(server, "aegis_bench", false);
    var ddl = new StringBuilder();
    for (int i = 0; i < TABLES - 7; i++) {
      ddl.append("CREATE TABLE bench_").append(i).append(" (id bigserial PRIMARY KEY, entity_id bigint, note text);")
          .append("CREATE INDEX ON bench_").append(i).append(" (entity_id);")
          .append("INSERT INTO bench_").append(i).append(" (entity_id, note) SELECT g, 'n' FROM generate_series(1, 50) g;")
          .append("DELETE FROM bench_").append(i).append(" WHERE id % 5 = 0;");
    }
    db.run(ddl.toString());
    var registry = new BuiltinRegistry(List.of(new PgModule(PgTestDb.credentials())));
    var vacuum = registry.find("pg", "vacuumAnalyze").orElseThrow().preview();
    var reindex = registry.find("pg", "reindex").orElseThrow().preview();
    var vacuumArgs = new Args("vacuumAnalyze", List.of(db.endpointValue(), Value.Null.INSTANCE));
    var reindexArgs = new Args("reindex", List.of(db.endpointValue(), Value.Null.INSTANCE, Value.Bool.TRUE));

    var times = new ArrayList<Long>();
    ActionPreview lastVacuum = null;
    ActionPreview lastReindex = null;
    for (int i = 0; i < WARMUP + RUNS; i++) {
      long start = System.nanoTime();
      try (var run = TestCallContext.plan()) {
        lastVacuum = vacuum.preview(run, vacuumArgs);
        lastReindex = reindex.preview(run, reindexArgs);
      }
      if (i >= WARMUP) times.add(System.nanoTime() - start);
    }
    assertEquals(TABLES, lastVacuum.live().get("tables").size());
    assertEquals((TABLES - 7) * 2 + 12, lastReindex.live().get("indexes").size(), "two per bench table, twelve in the AegisShield schema");
    times.sort(null);
    System.out.printf("BENCHMARK pg plan (vacuumAnalyze + reindex previews, %d tables, %d indexes): median %.1f ms, min %.1f ms, max %.1f ms over %d runs%n",
        TABLES, lastReindex.live().get("indexes").size(), times.get(times.size() / 2) / 1e6, times.getFirst() / 1e6, times.getLast() / 1e6, RUNS);
    System.out.println("BENCHMARK " + lastVacuum.description());
    System.out.println("BENCHMARK " + lastReindex.description());
  }
}
