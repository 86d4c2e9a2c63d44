package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise, end to end: the project's own runbooks run against the sandbox, through
 * the command line, with the project's sandbox environment. One sandbox serves the whole class
 * (booting Neo4j and PostgreSQL is most of its time); the runs find its ports served and start
 * nothing of their own. It listens on the sandbox's fixed ports, so it cannot run while an
 * {@code aegis sandbox} is up on this machine.
 */
@Tag("sandbox")
class SandboxRunbooksTest {
  static Sandbox sandbox;

  @TempDir
  static Path home;

  @BeforeAll
  static void boot() throws Exception {
    var layout = SandboxLayoutTest.sandbox();
    var taken = SandboxNeeds.all().stream().flatMap(c -> c.ports(layout).stream()).filter(PortProbe::listening).toList();
    assertEquals(List.of(), taken, "the sandbox's ports are free (stop `aegis sandbox` to run this test)");
    sandbox = Sandbox.start(layout, SandboxNeeds.all(), Sandbox.Options.seeded());
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) sandbox.close();
  }

  static AegisCli.Result aegis(String... args) { return new AegisCli(home).run(args); }

  /** The rows of the report table whose title starts with {@code title}, one string per line, up to the next blank line. */
  static List<String> table(String out, String title) {
    int at = out.indexOf("\n" + title);
    assertTrue(at >= 0, () -> "no table \"" + title + "\" in\n" + out);
    var rest = out.substring(out.indexOf('\n', at + 1) + 1);
    int end = rest.indexOf("\n\n");
    return List.of((end < 0 ? rest : rest.substring(0, end)).split("\n"));
  }

  @Test
  void dailyCheckFindsEverythingUp() {
    var r = aegis("run", "runbooks/daily-check.aegis", "--env", "sandbox");
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.err().contains("starting"), "the class's sandbox is used: " + r.err());
    assertEquals(List.of("  (none)"), table(r.out(), "Pods not running, not ready or restarting"));
    var databases = table(r.out(), "Databases");
    assertTrue(databases.stream().anyMatch(l -> l.matches("\\s*PostgreSQL\\s+127.0.0.1:15432/aegisshield\\s+true")), databases::toString);
    assertTrue(databases.stream().anyMatch(l -> l.matches("\\s*Neo4j\\s+bolt://127.0.0.1:17687\\s+true")), databases::toString);
    var health = table(r.out(), "Service health");
    assertEquals(8 + 2, health.size(), health::toString);
    assertTrue(health.stream().skip(2).allMatch(l -> l.matches("\\s*\\S+\\s+200\\s+.*")), health::toString);
    assertTrue(table(r.out(), "Critical alerts in the last 24 hours").get(2).contains("HighErrorRate"), r::toString);
  }

  @Test
  void dbMaintenanceVacuumsThenWaitsForApprovalToReindex() throws Exception {
    var waiting = aegis("run", "runbooks/db-maintenance.aegis", "--env", "sandbox", "--yes");
    assertEquals(5, waiting.exit(), waiting::toString);
    assertTrue(Pattern.compile("VACUUM ANALYZE aegisshield: 6 tables \\(.*\\), 6 never vacuumed, 6 never analyzed, \\d+ dead rows")
        .matcher(waiting.out()).find(), waiting::toString);
    assertTrue(waiting.out().contains("REINDEX DATABASE CONCURRENTLY \"aegisshield\": rebuilds"), waiting::toString);
    assertTrue(waiting.out().contains("destructive: needs approval"), waiting::toString);
    assertEquals(0, settledDeadRows(), "VACUUM ran before the approval gate");

    var approved = aegis("run", "runbooks/db-maintenance.aegis", "--env", "sandbox", "--yes", "--approve", "REINDEX");
    assertEquals(0, approved.exit(), approved::toString);
    assertTrue(approved.out().contains("approved: REINDEX (by --approve)"), approved::toString);
    assertTrue(approved.out().contains("✓ Neo4j statistics"), approved::toString);
    var after = table(approved.out(), "Tables after maintenance");
    assertEquals(2 + 6, after.size(), after::toString);
  }

  /**
   * The dead rows once the server's statistics show the VACUUM: PostgreSQL 14 (the sandbox's)
   * reports them through its statistics collector, up to half a second late, so the count read
   * right after the run may still be the one before it. A bound, not a speed assertion.
   */
  private static long settledDeadRows() throws SQLException, InterruptedException {
    long dead = deadRows();
    for (int i = 0; i < 100 && dead != 0; i++) {
      Thread.sleep(100);
      dead = deadRows();
    }
    return dead;
  }

  private static long deadRows() throws SQLException {
    try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/aegisshield?user=postgres");
         var rs = c.createStatement().executeQuery("SELECT sum(n_dead_tup) FROM pg_stat_user_tables")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void weeklyReviewReportsStatementsConnectionsCacheAndErrorRates() {
    var r = aegis("run", "runbooks/weekly-review.aegis", "--env", "sandbox");
    assertEquals(0, r.exit(), r::toString);
    var slowest = table(r.out(), "Slowest statements (mean time)");
    assertTrue(slowest.stream().anyMatch(l -> l.contains("SELECT risk_rollup(id) FROM entities WHERE id = $1")), slowest::toString);
    assertTrue(table(r.out(), "PostgreSQL connections").stream().anyMatch(l -> l.equals("  maxConnections: 100")), r::toString);
    assertTrue(table(r.out(), "PostgreSQL cache hit ratio").getFirst().matches("\\s*\\d+\\.\\d+%"), r::toString);
    assertTrue(r.out().contains("graph-engine       0.12%"), "graph-engine's 5xx rate: " + r);
    assertTrue(r.out().contains("aegisshield-tls  true"), "the ingress certificate: " + r);
    // The ingress serves cert-manager's certificate, issued by the sandbox CA the environment trusts.
    assertTrue(table(r.out(), "Served certificates").stream()
        .anyMatch(l -> l.matches("\\s*localhost\\s+CN=localhost\\s+.*CN=aegis sandbox CA\\s+\\S+\\s+\\d+\\s+true\\s+true")),
        "the served certificate: " + r);
    assertTrue(table(r.out(), "Nodes now").stream().anyMatch(l -> l.startsWith("  sandbox-node-1")), r::toString);
  }

  @Test
  void incidentDbPerformanceFindsTheSlowQueryAndTheBlockedLockAndTellsSlack() throws Exception {
    awaitIncidentOlderThanTheThreshold();
    var r = aegis("run", "runbooks/incident-db-performance.aegis", "--env", "sandbox", "--yes");
    assertEquals(0, r.exit(), r::toString);
    var slow = table(r.out(), "Statements running longer than");
    assertTrue(slow.stream().anyMatch(l -> l.contains("SELECT * FROM compliance_snapshot('2026-Q4')")), slow::toString);
    var blocked = table(r.out(), "Blocked backends and their blockers");
    assertTrue(blocked.stream().anyMatch(l -> l.contains("UPDATE sar_filings SET status = 'submitted'")), blocked::toString);
    assertTrue(r.out().contains("1 backends wait for locks; blockers: "), r::toString);
    assertEquals(List.of("#aegisshield-production Database performance review for sandbox is in the aegis run journal."),
        sandbox.slackMessages());
  }

  /** The incident started with the boot; the environment's long-running threshold is 1 s. */
  private static void awaitIncidentOlderThanTheThreshold() throws Exception {
    try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/postgres?user=postgres")) {
      for (int i = 0; i < 100; i++) {
        try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
            + "WHERE application_name = 'compliance-report' AND query_start < now() - interval '1.5 seconds'")) {
          rs.next();
          if (rs.getInt(1) == 1) return;
        }
        Thread.sleep(50);
      }
    }
  }
}
