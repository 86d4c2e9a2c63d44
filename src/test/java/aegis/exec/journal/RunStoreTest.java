package aegis.exec.journal;

import static aegis.exec.journal.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.exec.journal.JournalRecord.RunFinished;
import aegis.exec.journal.JournalRecord.RunResumed;
import aegis.exec.journal.JournalRecord.StepStarted;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
  @TempDir Path dir;

  private RunStore storeAt(Instant now) {
    return new RunStore(new AegisHome(dir), Clock.fixed(now, ZoneOffset.UTC), new Random(now.getEpochSecond()));
  }

  @Test
  void eachAppendIsInTheFileBeforeAppendReturns() throws IOException {
    RunStore store = storeAt(T0);
    RunId id = store.newRunId();
    try (JournalWriter writer = store.create(Fixtures.runStarted(id, "staging", T0), new SecretRegistry())) {
      assertEquals(1, store.read(id).records().size(), "the first record is written by create");
      for (int i = 1; i <= 5; i++) {
        writer.append(Fixtures.started(Fixtures.step(i, "step " + i), T0.plusSeconds(i)));
        // A second reader, through its own file handle, sees the record at once: nothing waits
        // in a buffer of the writer.
        Journal seen = JournalReader.read(id, store.journalFile(id));
        assertEquals(1 + i, seen.records().size());
        assertInstanceOf(StepStarted.class, seen.records().getLast());
        assertTrue(!seen.torn());
      }
    }
  }

  @Test
  void aRunIdIsUsedOnce() throws IOException {
    RunStore store = storeAt(T0);
    RunId id = store.newRunId();
    store.create(Fixtures.runStarted(id, "staging", T0), new SecretRegistry()).close();
    assertThrows(FileAlreadyExistsException.class,
        () -> store.create(Fixtures.runStarted(id, "staging", T0), new SecretRegistry()));
    RunId next = store.newRunId();
    assertTrue(!next.equals(id) && next.value().startsWith("20261127T091500Z-"));
  }

  @Test
  void listShowsNewestFirstWithStatusAndDurationFromTheJournal() throws IOException {
    RunId succeeded = run(T0, "production", new RunFinished(T0.plusSeconds(252), RunOutcome.SUCCEEDED, "5 steps"));
    RunId failed = run(T0.plusSeconds(3600), "staging", new RunFinished(T0.plusSeconds(3610), RunOutcome.FAILED, "x"));
    RunId unfinished = run(T0.plusSeconds(7200), "sandbox", Fixtures.started(Fixtures.step(1, "a"), T0.plusSeconds(7201)));
    RunId resumedAfterWaiting = run(T0.plusSeconds(10_800), "staging",
        new RunFinished(T0.plusSeconds(10_801), RunOutcome.WAITING, "approval"),
        new RunResumed(T0.plusSeconds(10_900), Identity.current(), "0.1.0", List.of(), 0));
    Files.createDirectories(dir.resolve("runs/not-a-run"));

    List<RunSummary> runs = storeAt(T0).list(0);

    assertEquals(List.of(resumedAfterWaiting, unfinished, failed, succeeded), runs.stream().map(RunSummary::runId).toList());
    Map<RunId, RunSummary> byId = runs.stream().collect(java.util.stream.Collectors.toMap(RunSummary::runId, r -> r));
    assertEquals(RunStatus.SUCCEEDED, byId.get(succeeded).status());
    assertEquals(Duration.ofSeconds(252), byId.get(succeeded).duration());
    assertEquals("production", byId.get(succeeded).environment());
    assertEquals("runbooks/deploy.aegis", byId.get(succeeded).runbook());
    assertEquals(T0, byId.get(succeeded).started());
    assertEquals(RunStatus.FAILED, byId.get(failed).status());
    assertEquals(RunStatus.UNFINISHED, byId.get(unfinished).status());
    assertEquals(RunStatus.UNFINISHED, byId.get(resumedAfterWaiting).status(), "a resume reopens a waiting run");
    assertEquals(List.of(resumedAfterWaiting, unfinished), storeAt(T0).list(2).stream().map(RunSummary::runId).toList());
  }

  @Test
  void listInAFreshHomeIsEmptyAndCreatesNothing() throws IOException {
    assertEquals(List.of(), storeAt(T0).list(0));
    assertTrue(!Files.exists(dir.resolve("runs")));
  }

  @Test
  void readingAnUnknownRunSaysWhereItLooked() {
    NoSuchRunException missing = assertThrows(NoSuchRunException.class,
        () -> storeAt(T0).read(new RunId("20261127T091500Z-0000")));
    assertTrue(missing.getMessage().contains("no run 20261127T091500Z-0000 in " + dir.resolve("runs")), missing.getMessage());
  }

  @Test
  void aStepIsCompleteWhenItsLatestOutcomeIsOkWarnedOrSkipped() throws IOException {
    StepId ok = Fixtures.step(1, "ok");
    StepId warned = Fixtures.step(2, "warned");
    StepId skipped = Fixtures.step(3, "skipped");
    StepId failed = Fixtures.step(4, "failed");
    StepId timedOut = Fixtures.step(5, "timed out");
    StepId retriedToSuccess = Fixtures.step(6, "retried");
    StepId okThenFailed = Fixtures.step(7, "ok then failed");
    StepId startedOnly = Fixtures.step(8, "crashed inside");
    Instant t = T0.plusSeconds(1);
    RunId id = run(T0, "staging",
        Fixtures.finished(ok, StepOutcome.OK, t),
        Fixtures.finished(warned, StepOutcome.WARNED, t),
        Fixtures.finished(skipped, StepOutcome.SKIPPED, t),
        Fixtures.finished(failed, StepOutcome.FAILED, t),
        Fixtures.finished(timedOut, StepOutcome.TIMED_OUT, t),
        Fixtures.finished(retriedToSuccess, StepOutcome.FAILED, t),
        Fixtures.finished(retriedToSuccess, StepOutcome.OK, t),
        Fixtures.finished(okThenFailed, StepOutcome.OK, t),
        Fixtures.finished(okThenFailed, StepOutcome.FAILED, t),
        Fixtures.started(startedOnly, t));

    assertEquals(Set.of(ok, warned, skipped, retriedToSuccess), storeAt(T0).completedSteps(id));
  }

  @Test
  void theHomeIsAegisHomeOrDotAegisInTheWorkingDirectory() {
    Path cwd = dir.resolve("work");
    assertEquals(cwd.resolve(".aegis"), AegisHome.resolve(Map.of(), cwd).root());
    assertEquals(cwd.resolve(".aegis"), AegisHome.resolve(Map.of("AEGIS_HOME", "  "), cwd).root());
    assertEquals(cwd.resolve("state"), AegisHome.resolve(Map.of("AEGIS_HOME", "state"), cwd).root());
    assertEquals(dir.resolve("abs"), AegisHome.resolve(Map.of("AEGIS_HOME", dir.resolve("abs").toString()), cwd).root());
    AegisHome home = new AegisHome(dir);
    assertEquals(dir.resolve("runs"), home.runs());
    assertEquals(dir.resolve("locks"), home.locks());
  }

  @Test
  void aJournalWithoutItsFirstRecordIsListedWithUnknowns() throws IOException {
    RunId id = new RunId("20261127T091500Z-abcd");
    Files.createDirectories(dir.resolve("runs").resolve(id.value()));
    Files.writeString(dir.resolve("runs").resolve(id.value()).resolve("journal.jsonl"), "{\"type\":\"run-sta");
    RunSummary summary = storeAt(T0).list(0).getFirst();
    assertEquals(id, summary.runId());
    assertNull(summary.runbook());
    assertNull(summary.started());
    assertTrue(summary.torn());
  }

  private RunId run(Instant start, String environment, JournalRecord... rest) throws IOException {
    RunStore store = storeAt(start);
    RunId id = store.newRunId();
    try (JournalWriter writer = store.create(Fixtures.runStarted(id, environment, start), new SecretRegistry())) {
      for (JournalRecord record : rest) writer.append(record);
    }
    return id;
  }
}
