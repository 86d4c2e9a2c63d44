package aegis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.e2e.Platform.Health;
import aegis.exec.journal.AegisHome;
import aegis.exec.journal.JournalRecord;
import aegis.exec.journal.RunStatus;
import aegis.exec.journal.RunStore;
import aegis.exec.journal.StepOutcome;
import aegis.testing.Neo4jServer;
import aegis.testing.PostgresServer;
import aegis.testing.RealServers;
import aegis.cli.VersionProvider;
import aegis.plan.PlanSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runbooks/daily-check.aegis}, the checked-in file itself, run with {@code aegis run}
 * in-process against real components: the real http adapter against service health endpoints
 * on a JDK {@code HttpServer} (some answer 503, one never answers and meets the runbook's own
 * 5 s timeout), the real prom adapter against Prometheus' and Alertmanager's documented JSON
 * served by the same fixture, and the real pg and neo4j adapters against the embedded
 * PostgreSQL and Neo4j of {@link RealServers}.
 *
 * <p>The {@code k8s} module is faked ({@link FakeK8s}: {@code k8s.pods} only), because the
 * Kubernetes adapter is still being written on branch {@code wt/k8s}; it is passed in through
 * the CLI's built-in registry seam ({@code CliContext.withBuiltins}).
 */
@ExtendWith(RealServers.class)
@Timeout(120)
class DailyCheckEndToEndTest {
  static final Path RUNBOOK = Path.of("runbooks/daily-check.aegis").toAbsolutePath();
  static final String PG_PASSWORD_VAR = "AEGIS_E2E_PG_PASSWORD";
  static final String NEO4J_PASSWORD_VAR = "AEGIS_E2E_NEO4J_PASSWORD";

  static PostgresServer pg;
  static Neo4jServer neo4j;

  @TempDir Path dir;
  final FixtureServer fixture = FixtureServer.start();

  @BeforeAll
  static void servers(PostgresServer p, Neo4jServer n) {
    pg = p;
    neo4j = n;
  }

  @AfterEach
  void stop() { fixture.close(); }

  private static final List<FakeK8s.Pod> HEALTHY_PODS = List.of(
      new FakeK8s.Pod("api-gateway-7d9f", "Running", true, 0, null),
      new FakeK8s.Pod("graph-engine-5c2a", "Running", true, 1, null),
      new FakeK8s.Pod("migrate-1", "Succeeded", false, 0, null));

  private InProcessCli cli(FakeK8s k8s) {
    var env = Map.of(PG_PASSWORD_VAR, PostgresServer.ADMIN_PASSWORD, NEO4J_PASSWORD_VAR, Neo4jServer.PASSWORD, "CI", "true");
    return new InProcessCli(dir, env, () -> TestBuiltins.registry(env, k8s));
  }

  private void environment(Map<String, Health> services, int pgPort) throws Exception {
    new TestEnvironment("e2e", fixture.url(), List.copyOf(services.keySet()), pgPort, PostgresServer.ADMIN, PG_PASSWORD_VAR,
        neo4j.boltUri().toString(), Neo4jServer.USER, NEO4J_PASSWORD_VAR).write(dir);
    Platform.services(fixture, services, 0);
  }

  @Test
  void failingServicesFailTheRunAndTheReportListsEveryService() throws Exception {
    var services = new LinkedHashMap<String, Health>();
    services.put("data-ingestion", Health.OK);
    services.put("entity-resolution", Health.UNAVAILABLE);
    services.put("graph-engine", Health.OK);
    services.put("alert-engine", Health.SILENT);
    services.put("api-gateway", Health.UNAVAILABLE);
    services.put("frontend", Health.OK);
    environment(services, pg.port());
    Platform.prometheus(fixture, "aegisshield-e2e", Map.of("data-postgresql-0", 0.41), List.of(), List.of());
    var k8s = new FakeK8s(HEALTHY_PODS);

    var r = cli(k8s).run("run", RUNBOOK.toString(), "--env", "e2e", "--yes");

    assertEquals(1, r.exit(), r::toString);
    assertEquals(List.of("aegisshield-e2e"), k8s.namespacesAsked);
    String table = section(r.out(), "Service health");
    for (var e : services.entrySet()) {
      String expected = switch (e.getValue()) {
        case OK -> "200";
        case UNAVAILABLE -> "503";
        case SILENT -> "0";
      };
      var row = Pattern.compile("^\\s+" + Pattern.quote(e.getKey()) + "\\s+" + expected + "\\s+(\\d+(ms|s|m|h|d))+\\b.*$",
          Pattern.MULTILINE);
      assertTrue(row.matcher(table).find(), e.getKey() + " with status " + expected + " and a latency:\n" + table);
      assertEquals(1, fixture.hits(TestEnvironment.healthPath(e.getKey())), "each service is asked once");
    }
    assertFalse(table.contains("postgresql"), "a service without an HTTP health check is not asked");
    assertTrue(table.lines().filter(l -> l.contains("alert-engine")).anyMatch(l -> l.contains("no answer from 127.0.0.1:")
        && l.contains("within 5s")), "the runbook's own 5 s timeout:\n" + table);
    assertTrue(r.err().contains("3 of 6 iterations failed"), r::toString);
    assertTrue(r.err().contains("entity-resolution answered 503"), r::toString);

    String databases = section(r.out(), "Databases");
    assertTrue(databases.lines().anyMatch(l -> l.contains("PostgreSQL") && l.contains(":" + pg.port() + "/postgres") && l.contains("true")), databases);
    assertTrue(databases.lines().anyMatch(l -> l.contains("Neo4j") && l.contains("true")), databases);
    assertTrue(section(r.out(), "Volume usage").contains("data-postgresql-0  41.00%"), r::toString);

    var store = new RunStore(AegisHome.resolve(Map.of(), dir));
    var run = store.list(10);
    assertEquals(1, run.size());
    assertEquals(RunStatus.FAILED, run.getFirst().status());
    var finished = store.read(run.getFirst().runId()).records().stream()
        .filter(JournalRecord.StepFinished.class::isInstance).map(JournalRecord.StepFinished.class::cast)
        .map(f -> f.step().value().replaceFirst("^[0-9.]+:", "") + "=" + f.outcome()).toList();
    assertEquals(List.of("pod status=OK", "storage usage=OK", "recent critical alerts=OK", "database connectivity=OK",
        "service health=" + StepOutcome.FAILED), finished);
  }

  @Test
  void warningsAreReportedButDoNotFailTheRun() throws Exception {
    var services = new LinkedHashMap<String, Health>();
    services.put("api-gateway", Health.OK);
    services.put("graph-engine", Health.OK);
    environment(services, pg.port());
    Platform.prometheus(fixture, "aegisshield-e2e", Map.of("data-postgresql-0", 0.93, "data-neo4j-0", 0.20),
        List.of("PostgreSQLDown"), List.of("HighErrorRate"));
    var k8s = new FakeK8s(List.of(
        new FakeK8s.Pod("api-gateway-7d9f", "Running", true, 0, null),
        new FakeK8s.Pod("graph-engine-5c2a", "Running", false, 7, "CrashLoopBackOff")));

    var r = cli(k8s).run("run", RUNBOOK.toString(), "--env", "e2e", "--yes");

    assertEquals(0, r.exit(), r::toString);
    // Warnings are part of the progress display, on stdout; nothing is an error.
    String all = r.out() + r.err();
    assertEquals(3, all.lines().filter(l -> l.contains("warning[AEG402]")).count(), r::toString);
    assertTrue(all.contains("1 of 2 pods need a look: graph-engine-5c2a"), r::toString);
    assertTrue(all.contains("volumes above 80.00%: data-postgresql-0 93.00%"), r::toString);
    assertTrue(all.contains("1 critical alerts are firing now: HighErrorRate"), r::toString);
    assertFalse(all.contains("error["), r::toString);
    assertTrue(section(r.out(), "Pods not running, not ready or restarting").contains("CrashLoopBackOff"), r::toString);
    assertTrue(section(r.out(), "Critical alerts in the last 24 hours").contains("PostgreSQLDown"), r::toString);
    assertTrue(r.out().contains("succeeded: 2 steps ok, 3 warned, 0 failed"), r::toString);
  }

  @Test
  void anUnreachableDatabaseFailsTheRunBeforeTheServicesAreAsked() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    environment(Map.of("api-gateway", Health.OK), closedPort);
    Platform.prometheus(fixture, "aegisshield-e2e", Map.of(), List.of(), List.of());

    var r = cli(new FakeK8s(HEALTHY_PODS)).run("run", RUNBOOK.toString(), "--env", "e2e", "--yes");

    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("not reachable: PostgreSQL"), r::toString);
    assertFalse(r.err().contains("not reachable: PostgreSQL Neo4j"), "Neo4j was tried and answered:\n" + r);
    assertTrue(section(r.out(), "Databases").lines().anyMatch(l -> l.contains("PostgreSQL") && l.contains("false")), r::toString);
    assertEquals(0, fixture.hits(TestEnvironment.healthPath("api-gateway")), "the run stopped at the databases");
  }

  /**
   * A plan that reads the live platform, against golden files {@code online/daily-check.plan} and
   * {@code .json}: the real http, prom, pg and neo4j adapters; {@code k8s} faked ({@link FakeK8s}).
   * The runbook is copied into the test's directory so that its paths in the plan are stable.
   */
  @Test
  void aPlanOfTheLivePlatformMatchesItsGoldenFiles() throws Exception {
    Files.createDirectories(dir.resolve("runbooks/lib"));
    Files.copy(RUNBOOK, dir.resolve("runbooks/daily-check.aegis"));
    Files.copy(RUNBOOK.resolveSibling("lib/rows.aegis"), dir.resolve("runbooks/lib/rows.aegis"));
    var services = new LinkedHashMap<String, Health>();
    services.put("data-ingestion", Health.OK);
    services.put("graph-engine", Health.UNAVAILABLE);
    services.put("api-gateway", Health.OK);
    environment(services, pg.port());
    Platform.prometheus(fixture, "aegisshield-e2e", Map.of("data-postgresql-0", 0.85), List.of("VaultSealed"), List.of());
    var k8s = new FakeK8s(HEALTHY_PODS);
    var env = Map.of(PG_PASSWORD_VAR, PostgresServer.ADMIN_PASSWORD, NEO4J_PASSWORD_VAR, Neo4jServer.PASSWORD, "CI", "true");
    Instant now = Instant.parse("2026-11-18T12:00:00Z");
    var cli = new InProcessCli(dir, env, () -> TestBuiltins.registry(env, k8s), Clock.fixed(now, ZoneOffset.UTC));

    var text = cli.run("plan", "runbooks/daily-check.aegis", "--env", "e2e");
    var json = cli.run("plan", "runbooks/daily-check.aegis", "--env", "e2e", "--format", "json");

    assertEquals(0, text.exit(), text::toString);
    assertEquals(0, json.exit(), json::toString);
    assertEquals(List.of(), PlanSchema.errors(json.out()));
    assertTrue(text.out().contains("this check fails now: graph-engine answered 503"), text::toString);
    assertEquals(2, fixture.hits(TestEnvironment.healthPath("graph-engine")), "each plan asked every service");
    var golden = Golden.plans(VersionProvider.version())
        .literal(dir.toRealPath().toString(), "<dir>")
        .literal(dir.toString(), "<dir>")
        .literal(":" + URI.create(fixture.url()).getPort(), ":<fixture-port>")
        .literal(":" + pg.port(), ":<pg-port>")
        .literal("\"port\" : " + pg.port(), "\"port\" : \"<pg-port>\"")
        .literal(":" + neo4j.boltUri().getPort(), ":<neo4j-port>")
        .literal(now.toString(), "<created-at>");
    golden.check("online/daily-check.plan", text.out());
    golden.check("online/daily-check.json", json.out());
  }

  /** The lines of the report table titled {@code title}, up to the next blank line. */
  static String section(String out, String title) {
    int start = out.indexOf("\n" + title + "\n");
    assertTrue(start >= 0, "no report \"" + title + "\" in:\n" + out);
    int end = out.indexOf("\n\n", start + 1);
    return out.substring(start + 1, end < 0 ? out.length() : end);
  }
}
