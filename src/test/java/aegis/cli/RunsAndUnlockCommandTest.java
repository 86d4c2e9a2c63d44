package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.exec.journal.AegisHome;
import aegis.exec.journal.Identity;
import aegis.exec.journal.JournalCodec;
import aegis.exec.journal.JournalRecord.ActionApplied;
import aegis.exec.journal.JournalRecord.RunFinished;
import aegis.exec.journal.JournalRecord.RunStarted;
import aegis.exec.journal.JournalRecord.StepFinished;
import aegis.exec.journal.JournalRecord.StepStarted;
import aegis.exec.journal.JournalText;
import aegis.exec.journal.JournalWriter;
import aegis.exec.journal.RunId;
import aegis.exec.journal.RunOutcome;
import aegis.exec.journal.RunStore;
import aegis.exec.journal.SecretRegistry;
import aegis.exec.journal.StepId;
import aegis.exec.journal.StepOutcome;
import aegis.exec.lock.EnvironmentLock;
import aegis.exec.lock.EnvironmentLocks;
import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aegis runs} and {@code aegis unlock}, run in-process against a journal directory. */
class RunsAndUnlockCommandTest {
  static final String CANARY = "canary-cli-Zx81";
  static final Instant T0 = Instant.parse("2026-11-27T09:15:00Z");

  @TempDir Path dir;

  private AegisHome home;
  private RunId deployed;
  private RunId running;

  @BeforeEach
  void twoRuns() throws IOException {
    home = new AegisHome(dir);
    SecretRegistry secrets = SecretRegistry.of(CANARY);
    StepId ns = StepId.of(List.of(1), "namespace");
    RunStore first = new RunStore(home, Clock.fixed(T0, ZoneOffset.UTC), new Random(1));
    deployed = first.newRunId();
    try (JournalWriter journal = first.create(started(deployed, "production", T0), secrets)) {
      journal.append(new StepStarted(T0.plusSeconds(1), ns, "namespace", 1));
      journal.append(new ActionApplied(T0.plusSeconds(2), ns, "k8s.ensureNamespace", "Namespace aegis", Effect.WRITE,
          JournalCodec.JSON.nullNode(), JournalCodec.JSON.createObjectNode().put("name", "aegis")));
      journal.append(new StepFinished(T0.plusSeconds(3), ns, 1, StepOutcome.OK, Duration.ofMillis(2300), null));
      journal.append(new RunFinished(T0.plusSeconds(252), RunOutcome.SUCCEEDED, "1 step, token " + CANARY));
    }
    Instant later = T0.plusSeconds(3600);
    RunStore second = new RunStore(home, Clock.fixed(later, ZoneOffset.UTC), new Random(2));
    running = second.newRunId();
    second.create(started(running, "staging", later), secrets).close();
  }

  private static RunStarted started(RunId id, String environment, Instant at) {
    return new RunStarted(at, id, "runbooks/deploy.aegis", "ab".repeat(32), null, environment,
        JournalCodec.JSON.createObjectNode().put("password", CANARY), new Identity("alice", "ops-1", 4242), "0.1.0",
        null, null);
  }

  private record Result(int exit, String out, String err) {}

  private Result run(Described command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command.spec()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    Result result = new Result(exit, out.toString(), err.toString());
    assertFalse(result.out().contains(CANARY) || result.err().contains(CANARY), "a secret was printed: " + result);
    return result;
  }

  @Test
  void listPrintsNewestFirstWithStatusAndHumanDurations() throws Exception {
    try (EnvironmentLock lock = new EnvironmentLocks(home).acquire("staging", running)) {
      Result listed = run(new RunsCommand(home), "list");
      assertEquals(0, listed.exit(), listed.err());
      List<String> lines = listed.out().lines().toList();
      assertEquals(3, lines.size(), listed.out());
      assertTrue(lines.get(0).startsWith("RUN "), lines.get(0));
      assertTrue(lines.get(1).startsWith(running.value()) && lines.get(1).contains("running")
          && lines.get(1).contains("staging"), lines.get(1));
      assertTrue(lines.get(2).startsWith(deployed.value()) && lines.get(2).contains("succeeded")
          && lines.get(2).contains("4m 12s") && lines.get(2).contains("2026-11-27 09:15:00Z")
          && lines.get(2).contains("runbooks/deploy.aegis"), lines.get(2));
    }
    Result afterRelease = run(new RunsCommand(home));
    assertTrue(afterRelease.out().lines().skip(1).findFirst().orElseThrow().contains("interrupted"), afterRelease.out());
  }

  @Test
  void listAsJson() throws Exception {
    Result listed = run(new RunsCommand(home), "list", "--format", "json");
    assertEquals(0, listed.exit(), listed.err());
    JsonNode runs = JournalCodec.JSON.readTree(listed.out());
    assertEquals(2, runs.size());
    assertEquals(running.value(), runs.get(0).get("runId").asText());
    assertEquals("interrupted", runs.get(0).get("status").asText());
    assertEquals("succeeded", runs.get(1).get("status").asText());
    assertEquals(252_000, runs.get(1).get("durationMs").asLong());
    assertEquals("production", runs.get(1).get("environment").asText());
  }

  @Test
  void showPrintsTheRunRecordByRecord() {
    Result shown = run(new RunsCommand(home), "show", deployed.value());
    assertEquals(0, shown.exit(), shown.err());
    String text = shown.out();
    assertTrue(text.contains("runbook      runbooks/deploy.aegis (sha256 abababababab)"), text);
    assertTrue(text.contains("environment  production"), text);
    assertTrue(text.contains("started      2026-11-27 09:15:00Z by alice@ops-1 (pid 4242), aegis 0.1.0"), text);
    assertTrue(text.contains("status       succeeded after 4m 12s"), text);
    assertTrue(text.contains("+1.0s     step 1:namespace started"), text);
    assertTrue(text.contains("write k8s.ensureNamespace Namespace aegis (created)"), text);
    assertTrue(text.contains("step 1:namespace ok in 2.3s"), text);
    assertTrue(text.contains("+4m 12s   run succeeded: 1 step, token " + SecretRegistry.REDACTED), text);
  }

  @Test
  void showAsJsonHoldsEveryRecord() throws Exception {
    Result shown = run(new RunsCommand(home), "show", deployed.value(), "--format=JSON");
    assertEquals(0, shown.exit(), shown.err());
    JsonNode doc = JournalCodec.JSON.readTree(shown.out());
    assertEquals("succeeded", doc.get("status").asText());
    assertEquals(List.of("run-started", "step-started", "action-applied", "step-finished", "run-finished"),
        doc.get("records").valueStream().map(r -> r.get("type").asText()).toList());
    assertEquals(SecretRegistry.REDACTED, doc.get("records").get(0).get("inputs").get("password").asText());
  }

  @Test
  void showRefusesBadAndUnknownIds() {
    Result bad = run(new RunsCommand(home), "show", "../../etc/passwd");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("is not a run id"), bad.err());
    Result unknown = run(new RunsCommand(home), "show", "20261127T091500Z-ffff");
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("no run 20261127T091500Z-ffff in " + home.runs()), unknown.err());
    Result format = run(new RunsCommand(home), "list", "--format", "yaml");
    assertEquals(2, format.exit());
    assertTrue(format.err().contains("expected text or json"), format.err());
  }

  @Test
  void emptyHome() {
    Result listed = run(new RunsCommand(new AegisHome(dir.resolve("fresh"))), "list");
    assertEquals(0, listed.exit());
    assertTrue(listed.out().startsWith("no runs in "), listed.out());
  }

  @Test
  void unlockNeedsTheHoldersRunId() throws Exception {
    Identity elsewhere = new Identity("bob", "ops-elsewhere-7", 4242);
    new EnvironmentLocks(home, Clock.systemUTC(), elsewhere).acquire("production", deployed);

    Result wrong = run(new UnlockCommand(home), "production", "--run", running.value());
    assertEquals(1, wrong.exit());
    assertTrue(wrong.err().contains("locked by run " + deployed) && wrong.err().contains("host ops-elsewhere-7"),
        wrong.err());

    Result missing = run(new UnlockCommand(home), "production");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("--run"), missing.err());

    Result right = run(new UnlockCommand(home), "production", "--run", deployed.value());
    assertEquals(0, right.exit(), right.err());
    assertTrue(right.out().contains("released environment production, locked by run " + deployed), right.out());
    assertTrue(new EnvironmentLocks(home).holder("production").isEmpty());
  }

  @Test
  void durationsReadTheWayPeopleWriteThem() {
    assertEquals("850ms", JournalText.duration(Duration.ofMillis(850)));
    assertEquals("2.3s", JournalText.duration(Duration.ofMillis(2300)));
    assertEquals("42s", JournalText.duration(Duration.ofSeconds(42)));
    assertEquals("4m 05s", JournalText.duration(Duration.ofSeconds(245)));
    assertEquals("2h 03m", JournalText.duration(Duration.ofMinutes(123)));
    assertEquals("3d 4h", JournalText.duration(Duration.ofHours(76)));
  }
}
