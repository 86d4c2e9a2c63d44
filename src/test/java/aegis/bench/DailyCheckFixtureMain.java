package aegis.bench;

import aegis.e2e.FixtureServer;
import aegis.e2e.Platform;
import aegis.e2e.TestEnvironment;
import aegis.testing.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The platform {@code src/test/bench/daily-check.sh} runs {@code runbooks/daily-check.aegis}
 * against, in a process of its own: one HTTP fixture serving the health endpoints of as many
 * services as the largest environment has (each answering 200 after the given latency) plus
 * Prometheus' and Alertmanager's APIs, a real embedded PostgreSQL and a real in-process Neo4j
 * (the same servers the tests use). It writes {@code DIR/environments/bench-N.aegis} for each N,
 * prints {@code READY}, and serves until its standard input closes.
 *
 * <pre>DailyCheckFixtureMain DIR LATENCY_MS N...</pre>
 *
 * <p>The environments name their database passwords as the variables {@value #PG_PASSWORD_VAR}
 * and {@value #NEO4J_PASSWORD_VAR}; their values (test-only constants) are printed as
 * {@code export NAME=VALUE} lines before {@code READY}, for the script to source.
 */
public final class DailyCheckFixtureMain {
  public static final String PG_PASSWORD_VAR = "AEGIS_BENCH_PG_PASSWORD";
  public static final String NEO4J_PASSWORD_VAR = "AEGIS_BENCH_NEO4J_PASSWORD";
  private static final String NEO4J_USER = "aegis";
  private static final String NEO4J_PASSWORD = "bench-only-neo4j-pw";

  private DailyCheckFixtureMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: DailyCheckFixtureMain DIR LATENCY_MS N...");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    long latency = Long.parseLong(args[1]);
    List<Integer> sizes = Arrays.stream(args, 2, args.length).map(Integer::parseInt).toList();
    int most = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();

    try (var fixture = FixtureServer.start(); var pg = PostgresServer.startDedicated(false); var neo4j = neo4j()) {
      var health = new LinkedHashMap<String, Platform.Health>();
      TestEnvironment.numbered(most).forEach(s -> health.put(s, Platform.Health.OK));
      Platform.services(fixture, health, latency);
      Platform.prometheus(fixture, "aegisshield-bench", Map.of("data-postgresql-0", 0.41, "data-neo4j-0", 0.12),
          List.of(), List.of());
      var written = new ArrayList<Path>();
      for (int n : sizes) {
        written.add(new TestEnvironment("bench-" + n, fixture.url(), TestEnvironment.numbered(n), pg.port(),
            PostgresServer.ADMIN, PG_PASSWORD_VAR, neo4j.boltURI().toString(), NEO4J_USER, NEO4J_PASSWORD_VAR).write(dir));
      }
      System.out.println("export " + PG_PASSWORD_VAR + "=" + PostgresServer.ADMIN_PASSWORD);
      System.out.println("export " + NEO4J_PASSWORD_VAR + "=" + NEO4J_PASSWORD);
      System.out.println("# fixture " + fixture.url() + ", PostgreSQL 127.0.0.1:" + pg.port() + ", Neo4j " + neo4j.boltURI()
          + ", environments " + written);
      System.out.println("READY");
      System.out.flush();
      var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (in.readLine() != null) {
        // serve until the script closes our standard input
      }
    }
  }

  /** Neo4j with authentication on and the user the environments name, as {@code aegis.testing.Neo4jServer} makes it. */
  private static Neo4j neo4j() {
    var neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
        .withConfig(GraphDatabaseSettings.auth_enabled, true)
        .build();
    neo4j.databaseManagementService().database("system").executeTransactionally(
        "CREATE USER " + NEO4J_USER + " SET PLAINTEXT PASSWORD '" + NEO4J_PASSWORD + "' CHANGE NOT REQUIRED");
    return neo4j;
  }
}
