package aegis.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.DiagnosticRenderer;
import aegis.exec.journal.JournalRecord;
import aegis.exec.journal.RunOutcome;
import aegis.exec.journal.StepOutcome;
import aegis.eval.Value;
import aegis.plan.Operation;
import aegis.plan.PlanJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor against the fake system: every statement and option of the language, for real. */
class ExecutorTest {
  /** A Saturday that is the second of its month, inside the 02:00 UTC window. */
  static final Instant IN_WINDOW = Instant.parse("2026-11-14T02:30:00Z");
  static final Instant OUT_OF_WINDOW = Instant.parse("2026-11-18T12:00:00Z");

  @TempDir Path dir;
  EngineHarness h;

  @BeforeEach
  void setUp() {
    h = new EngineHarness(dir, Clock.fixed(IN_WINDOW, ZoneOffset.UTC));
  }

  private Workspace.Loaded load(String name, String text) throws Exception {
    try {
      return h.load(h.write(name, text));
    } catch (Workspace.LoadException e) {
      throw new AssertionError(DiagnosticRenderer.render(e.diagnostics(), false));
    }
  }

  private List<JournalRecord> journal(Engine.Outcome o) throws Exception {
    return h.engine == null ? List.of() : new aegis.exec.journal.RunStore(h.home).read(o.runId()).records();
  }

  @Test
  void planRunsReadsButNotWritesAndDiffsLiveAgainstDesired() throws Exception {
    h.fake.state.put("replicas", 1L);
    var loaded = load("scale.aegis", """
        runbook scale "Scale"
        import fake
        param env: Environment
        step "scale" {
          let now = fake.get("replicas")
          let result = fake.set("replicas", now + 2)
          fake.set("audit", result)
        }
        """);
    var plan = h.engine.plan(loaded, h.inputs(loaded), false, null);
    assertEquals(0, h.fake.writes.get(), "a plan sends no write");
    assertEquals(2, plan.actions().size());
    var first = plan.actions().getFirst();
    assertEquals(Operation.UPDATE, first.operation());
    assertEquals("fake.set", first.call());
    assertEquals(1, first.diff().size());
    assertNull(first.conditional());
    var second = plan.actions().get(1);
    assertNotNull(second.conditional(), "depends on the unknown result of the first write");
    assertTrue(second.conditional().describe().contains("result of fake.set"), second.conditional().describe());
    assertEquals(1, plan.liveReads().size());
    assertTrue(plan.hasChanges());
    PlanJson.read(PlanJson.write(plan));
  }

  @Test
  void applyRunsWritesAndJournalsBeforeAndAfter() throws Exception {
    h.fake.state.put("replicas", 1L);
    var loaded = load("scale.aegis", """
        runbook scale "Scale"
        import fake
        param env: Environment
        step "scale" {
          fake.set("replicas", fake.get("replicas") + 2)
        }
        """);
    var out = h.engine.apply(loaded, h.inputs(loaded), RunOptions.apply(), null, null);
    assertEquals(RunOutcome.SUCCEEDED, out.outcome());
    assertEquals(3L, h.fake.state.get("replicas"));
    var applied = journal(out).stream().filter(r -> r instanceof JournalRecord.ActionApplied).map(r -> (JournalRecord.ActionApplied) r).toList();
    assertEquals(1, applied.size());
    assertEquals(1, applied.getFirst().before().get("value").asInt());
    assertEquals(3, applied.getFirst().after().asInt());
  }

  @Test
  void stepTimeoutFiresAndFailsTheRun() throws Exception {
    var loaded = load("slow.aegis", """
        runbook slow "Slow"
        import fake
        param env: Environment
        step "too slow" timeout 100ms {
          fake.slow(5000)
        }
        """);
    long start = System.nanoTime();
    var out = h.engine.apply(loaded, h.inputs(loaded), RunOptions.apply(), null, null);
    assertTrue((System.nanoTime() - start) / 1_000_000 < 4000, "the timeout cut the 5 s call short");
    assertEquals(RunOutcome.FAILED, out.outcome());
    assertTrue(out.failure().message().contains("did not finish within 100ms"), out.failure().message());
    assertTrue(journal(out).stream().anyMatch(r -> r instanceof JournalRecord.StepFinished f && f.outcome() == StepOutcome.TIMED_OUT));
  }

  @Test
  void retriesBackOffUntilTheStepSucceeds() throws Exception {
    var loaded = load("flaky.aegis", """
        runbook flaky "Flaky"
        import fake
        param env: Environment
        step "flaky" retry(attempts: 3, backoff: 20ms) {
          fake.flaky("k", 2)
        }
        """);
    var out = h.engine.apply(loaded, h.inputs(loaded), RunOptions.apply(), null, null);
    assertEquals(RunOutcome.SUCCEEDED, out.outcome(), () -> String.valueOf(out.failure()));
    var attempts = journal(out).stream().filter(r -> r instanceof JournalRecord.StepStarted).count();
    assertEquals(3, attempts);
    var finished = journal(out).stream().filter(r -> r instanceof JournalRecord.StepFinished).map(r -> ((JournalRecord.StepFinished) r).outcome()).toList();
    assertEquals(List.of(StepOutcome.FAILED, StepOutcome.FAILED, StepOutcome.OK), finished);
  }

  @Test
  void parallelLoopNeverExceedsItsLimit() throws Exception {
    var loaded = load("fan.aegis", """
        runbook fan "Fan out"
        import fake
        param env: Environment
        step "fan" {
          for i in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] parallel(limit: 3) {
            fake.slow(40)
          }
        }
        """);
    var out = h.engine.apply(loaded, h.inputs(loaded), RunOptions.apply(), null, null);
    assertEquals(RunOutcome.SUCCEEDED, out.outcome());
    assertEquals(12, h.fake.slowCalls.get());
    assertTrue(h.fake.maxInFlight.get() <= 3, "max in flight " + h.fake.maxInFlight.get());
    assertTrue(h.fake.maxInFlight.get() >= 2, "it did run in parallel");
  }

  @Test
  void onFailureAndFinallyRun() throws Exception {
    var loaded = load("comp.aegis", """
        runbook comp "Compensate"
        import fake
        param env: Environment
        step "break" {
          fake.set("a", 1)
          check fake.get("a") == 2 else fail "a is not 2"
        }
        step "never" {
          fake.set("never", 1)
        }
        on failure {
          step "undo" {
            fake.drop("a")
          }
        }
        finally {
          step "cleanup" {
            fake.set("finally", 1)
          }
        }
        """);
    var out = h.engine.apply(loaded, h.inputs(loaded), RunOptions.apply().withApprovals(Set.of("undo")), null, null);
    assertEquals(RunOutcome.FAILED, out.outcome());
    assertEquals("a is not 2", out.failure().message());
    assertFalse(h.fake.state.containsKey("a"), "on failure ran the compensation");
    assertFalse(h.fake.state.containsKey("never"));
    assertEquals(1L, h.fake.state.get("finally"));
  }

  @Test
  void destructiveCallWithoutApprovalIsRefusedAndApproveStopsThenResumes() throws Exception {
    h.fake.state.put("data", 7L);
    var loaded = load("drop.aegis", """
        runbook dropper "Drop"
        import fake
        param env: Environment
        step "first" {
          fake.set("first", 1)
        }
        step "drop data" {
          approve "dropping data loses it"
          fake.drop("data")
        }
        """);
    var out = h.engine.apply(loaded, h.inputs(loaded), RunOptions.apply(), null, null);
    assertEquals(RunOutcome.WAITING, out.outcome());
    assertEquals(7L, h.fake.state.get("data"));
    assertTrue(journal(out).stream().anyMatch(r -> r instanceof JournalRecord.ApprovalWaiting));
    int writesBefore = h.fake.writes.get();

    var resumed = h.engine.resume(out.runId(), loaded, h.inputs(loaded),
        RunOptions.apply().withApprovals(Set.of("drop data")), null);
    assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), () -> String.valueOf(resumed.failure()));
    assertFalse(h.fake.state.containsKey("data"));
    assertEquals(writesBefore + 1, h.fake.writes.get(), "the completed first step was not run again");
    var records = journal(resumed);
    assertTrue(records.stream().anyMatch(r -> r instanceof JournalRecord.RunResumed));
    assertTrue(records.stream().anyMatch(r -> r instanceof JournalRecord.ApprovalGranted));

    var unguarded = load("drop2.aegis", """
        runbook dropper2 "Drop without a gate"
        import fake
        param env: Environment
        step "drop" {
          fake.drop("data")
        }
        """);
    h.fake.state.put("data", 1L);
    var refused = h.engine.apply(unguarded, h.inputs(unguarded), RunOptions.apply(), null, null);
    assertEquals(RunOutcome.WAITING, refused.outcome());
    assertTrue(refused.failure().message().contains("is destructive"), refused.failure().message());
    assertEquals(1L, h.fake.state.get("data"));
  }

  @Test
  void windowRefusesOutsideAndTheOverrideIsJournalled() throws Exception {
    var text = """
        runbook windowed "Windowed"
        import fake
        param env: Environment
        window Window(days: [Weekday.Saturday], weekOfMonth: 2, hour: 2, length: 4h)
        step "change" {
          fake.set("x", 1)
        }
        """;
    var outside = new EngineHarness(dir, Clock.fixed(OUT_OF_WINDOW, ZoneOffset.UTC));
    var loaded = outside.load(outside.write("w.aegis", text));
    var refused = outside.engine.apply(loaded, outside.inputs(loaded), RunOptions.apply(), null, null);
    assertEquals(RunOutcome.FAILED, refused.outcome());
    assertTrue(refused.failure().message().contains("outside the change window"), refused.failure().message());
    assertFalse(outside.fake.state.containsKey("x"));

    var overridden = outside.engine.apply(loaded, outside.inputs(loaded),
        RunOptions.apply().withWindowOverride("incident INC-42"), null, null);
    assertEquals(RunOutcome.SUCCEEDED, overridden.outcome());
    var records = new aegis.exec.journal.RunStore(outside.home).read(overridden.runId()).records();
    assertTrue(records.stream().anyMatch(r -> r instanceof JournalRecord.WindowOverridden w && w.reason().equals("incident INC-42")));

    var insideLoaded = h.load(h.write("w2.aegis", text));
    var inside = h.engine.apply(insideLoaded, h.inputs(insideLoaded), RunOptions.apply(), null, null);
    assertEquals(RunOutcome.SUCCEEDED, inside.outcome());
  }

  @Test
  void reportTitlesInterpolate() throws Exception {
    var loaded = load("titles.aegis", """
        runbook titles "Titles"
        param env: Environment
        step "per item" {
          for name in ["api", "web"] {
            report "Pods of ${name}" [name]
          }
        }
        """);
    var titles = new java.util.concurrent.CopyOnWriteArrayList<String>();
    RunListener listener = new RunListener() {
      @Override
      public void report(StepRef step, String path, String title, Value value) { titles.add(title); }
    };
    var out = h.engine.apply(loaded, h.inputs(loaded), RunOptions.apply(), null, listener);
    assertEquals(RunOutcome.SUCCEEDED, out.outcome());
    assertEquals(List.of("Pods of api", "Pods of web"), titles);
  }

  @Test
  void warnDoesNotFailTheRunButFailDoes() throws Exception {
    var loaded = load("checks.aegis", """
        runbook checks "Checks"
        import fake
        param env: Environment
        step "soft" {
          check fake.get("missing") == 1 else warn "missing is not 1"
        }
        step "report" {
          report "values" [1, 2, 3]
        }
        """);
    var out = h.engine.apply(loaded, h.inputs(loaded), RunOptions.apply(), null, null);
    assertEquals(RunOutcome.SUCCEEDED, out.outcome());
    assertTrue(journal(out).stream().anyMatch(r -> r instanceof JournalRecord.StepFinished f && f.outcome() == StepOutcome.WARNED));
  }

  @Test
  void aCanarySecretNeverReachesPlanJournalOrOutput() throws Exception {
    String canary = "canary-" + System.nanoTime();
    var loaded = load("secret.aegis", """
        runbook secretive "Secret"
        import fake
        param env: Environment
        param password: Secret
        step "login" {
          fake.login("admin", password)
        }
        """);
    var env = new java.util.HashMap<>(System.getenv());
    env.put("AEGIS_TEST_CANARY", canary);
    var inputs = Inputs.parse(loaded.runbook().params(), List.of("password=env:AEGIS_TEST_CANARY"), loaded.environmentValue(), env);
    var printed = new java.io.StringWriter();
    var display = new ProgressPrinter(new java.io.PrintWriter(printed), false, false);
    var plan = h.engine.plan(loaded, inputs, false, display);
    for (var format : aegis.plan.render.PlanFormat.values()) assertFalse(format.render(plan, false).contains(canary), format.name());
    var out = h.engine.apply(loaded, inputs, RunOptions.apply(), plan, display);
    assertEquals(RunOutcome.SUCCEEDED, out.outcome());
    display.finish("done", java.time.Duration.ZERO);
    assertFalse(printed.toString().contains(canary));
    try (var files = Files.walk(h.home.root())) {
      for (var f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(Files.readString(f).contains(canary), f.toString());
      }
    }
  }
}
