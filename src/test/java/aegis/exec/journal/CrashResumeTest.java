package aegis.exec.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.exec.journal.JournalRecord.RunFinished;
import aegis.exec.journal.JournalRecord.RunResumed;
import aegis.exec.journal.JournalRecord.StepFinished;
import aegis.exec.journal.JournalRecord.StepStarted;
import aegis.exec.lock.ChildJvm;
import aegis.exec.lock.EnvironmentLock;
import aegis.exec.lock.EnvironmentLocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage side of crash and resume: a run in another JVM is killed with SIGKILL in the middle
 * of a step; the journal it left says which steps completed, its lock is taken over, and the
 * resumed run's records follow the crashed run's in the same journal.
 */
class CrashResumeTest {
  static final StepId FIRST = StepId.of(List.of(1), "namespace");
  static final StepId SECOND = StepId.of(List.of(2), "database credentials");
  static final String CANARY = "canary-crash-9dQ4";

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void aRunKilledInAStepIsResumedWithoutItsCompletedSteps() throws Exception {
    AegisHome home = new AegisHome(dir);
    RunStore store = new RunStore(home);
    RunId id;
    long crashedPid;
    try (ChildJvm child = ChildJvm.start(CrashingRunMain.class, dir.resolve("child.err"), dir.toString(), "staging", CANARY)) {
      String[] run = child.await("RUN ").split(" ");
      id = new RunId(run[1]);
      crashedPid = Long.parseLong(run[2]);
      assertEquals(child.pid(), crashedPid);
      child.await("IN_STEP");
      child.kill();
    }

    assertEquals(Set.of(FIRST), store.completedSteps(id));
    assertEquals(RunStatus.UNFINISHED, store.list(0).getFirst().status());

    try (EnvironmentLock lock = new EnvironmentLocks(home).acquire("staging", id);
         JournalWriter journal = store.reopen(id, SecretRegistry.of(CANARY))) {
      String warning = lock.takeoverWarning().orElseThrow();
      assertTrue(warning.contains("pid " + crashedPid) && warning.contains(id.value()), warning);
      Set<StepId> done = store.completedSteps(id);
      journal.append(new RunResumed(Instant.now(), Identity.current(), "0.1.0", List.copyOf(done), journal.discardedBytes()));
      for (StepId step : List.of(FIRST, SECOND)) {
        if (done.contains(step)) continue;
        journal.append(Fixtures.started(step, Instant.now()));
        journal.append(Fixtures.finished(step, StepOutcome.OK, Instant.now()));
      }
      journal.append(new RunFinished(Instant.now(), RunOutcome.SUCCEEDED, "2 steps"));
    }

    Journal journal = store.read(id);
    List<JournalRecord> records = journal.records();
    assertEquals(List.of(FIRST, SECOND, SECOND), records.stream()
        .filter(StepStarted.class::isInstance).map(r -> ((StepStarted) r).step()).toList(),
        "the first step ran once; the second was started by the crashed run and again by the resume");
    assertEquals(List.of(FIRST, SECOND), records.stream()
        .filter(StepFinished.class::isInstance).map(r -> ((StepFinished) r).step()).toList());
    RunResumed resumed = (RunResumed) records.stream().filter(RunResumed.class::isInstance).findFirst().orElseThrow();
    assertEquals(List.of(FIRST), resumed.skipping());
    assertEquals(crashedPid, journal.header().orElseThrow().by().pid());
    assertEquals(ProcessHandle.current().pid(), resumed.by().pid());
    assertEquals(RunStatus.SUCCEEDED, RunSummary.of(journal).status());
    assertEquals(Set.of(FIRST, SECOND), journal.completedSteps());
    assertFalse(new String(Files.readAllBytes(store.journalFile(id)), StandardCharsets.UTF_8).contains(CANARY));
  }
}
