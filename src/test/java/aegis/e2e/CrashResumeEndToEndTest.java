package aegis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.Builtins;
import aegis.exec.journal.AegisHome;
import aegis.exec.journal.JournalRecord;
import aegis.exec.journal.RunId;
import aegis.exec.journal.RunStatus;
import aegis.exec.journal.RunStore;
import aegis.exec.journal.RunSummary;
import aegis.exec.lock.EnvironmentLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of {@code aegis run} in a JVM of its own is killed with SIGKILL while its second step
 * waits on an HTTP endpoint; {@code aegis resume RUN_ID} (in-process) takes over the dead run's
 * lock with a warning and finishes the run without repeating the completed first step: the
 * fixture counts the requests of each step, and the one journal holds both processes' records.
 */
@Timeout(180)
class CrashResumeEndToEndTest {
  static final String RUNBOOK = """
      runbook crash "Three writes, the second slow"
      import http
      param env: Environment
      param base: String
      step "first" {
        let r = http.post("${base}/first", "one")
        check r.status == 200 else fail "first answered ${r.status}"
      }
      step "second" {
        let r = http.post("${base}/second", "two", timeout: 2m)
        check r.status == 200 else fail "second answered ${r.status}"
      }
      step "third" {
        let r = http.post("${base}/third", "three")
        check r.status == 200 else fail "third answered ${r.status}"
      }
      """;

  @TempDir Path dir;
  final FixtureServer fixture = FixtureServer.start()
      .answer("/first", FixtureServer.Answer.text(200, "ok"))
      .gate("/second", FixtureServer.Answer.text(200, "ok"))
      .answer("/third", FixtureServer.Answer.text(200, "ok"));

  @AfterEach
  void stop() { fixture.close(); }

  @Test
  void aKilledRunIsResumedWithoutRerunningItsCompletedSteps() throws Exception {
    new TestEnvironment("e2e", fixture.url(), List.of(), 1, "postgres", "UNUSED", "bolt://127.0.0.1:1", "neo4j", "UNUSED")
        .write(dir);
    Files.createDirectories(dir.resolve("runbooks"));
    Files.writeString(dir.resolve("runbooks/crash.aegis"), RUNBOOK);
    var home = AegisHome.resolve(Map.of(), dir);
    var store = new RunStore(home);

    RunId id;
    long crashedPid;
    try (var child = AegisProcess.start(dir, Map.of("CI", "true"),
        "run", "runbooks/crash.aegis", "--env", "e2e", "--set", "base=" + fixture.url(), "--yes")) {
      crashedPid = child.pid();
      id = child.awaitStepStarted(dir, "second", Duration.ofSeconds(90));
      // The journal says the step started; kill the process once its request is in flight too.
      fixture.awaitHits("/second", 1, Duration.ofSeconds(30));
      child.kill();
    }
    assertEquals(1, fixture.hits("/first"));
    assertEquals(1, fixture.hits("/second"), "the killed run was inside the second step");
    assertEquals(0, fixture.hits("/third"));
    assertEquals(RunStatus.UNFINISHED, RunSummary.of(store.read(id)).status());
    assertEquals(crashedPid, new EnvironmentLocks(home).holder("e2e").orElseThrow().pid(), "the dead run's lock is left behind");

    fixture.open("/second");
    var resume = new InProcessCli(dir, Map.of("CI", "true"), Builtins::registry).run("resume", id.value());

    assertEquals(0, resume.exit(), resume::toString);
    String shown = resume.out() + resume.err();
    assertTrue(shown.contains("warning[AEG404]") && shown.contains("pid " + crashedPid)
        && shown.contains("no longer running: taking the lock over"), shown);
    assertFalse(shown.contains("error["), shown);
    assertTrue(resume.out().contains("- first (already done in an earlier attempt of this run)"), shown);
    assertEquals(1, fixture.hits("/first"), "the completed step did not run again");
    assertEquals(2, fixture.hits("/second"), "the step the crash interrupted ran again");
    assertEquals(1, fixture.hits("/third"));

    var journal = store.read(id);
    assertEquals(RunStatus.SUCCEEDED, RunSummary.of(journal).status());
    var records = journal.records();
    assertEquals(List.of("first", "second", "second", "third"), records.stream()
        .filter(JournalRecord.StepStarted.class::isInstance).map(r -> ((JournalRecord.StepStarted) r).name()).toList(),
        "the crashed process started first and second; the resumed one second and third");
    var resumed = records.stream().filter(JournalRecord.RunResumed.class::isInstance)
        .map(JournalRecord.RunResumed.class::cast).findFirst().orElseThrow();
    assertEquals(List.of("1:first"), resumed.skipping().stream().map(Object::toString).toList());
    assertEquals(crashedPid, journal.header().orElseThrow().by().pid());
    assertEquals(ProcessHandle.current().pid(), resumed.by().pid());
    int resumedAt = records.indexOf(resumed);
    assertTrue(records.subList(0, resumedAt).stream().noneMatch(JournalRecord.RunFinished.class::isInstance),
        "the crashed part has no end");
    assertTrue(records.getLast() instanceof JournalRecord.RunFinished, "the resumed part ends the run");
    assertTrue(new EnvironmentLocks(home).holder("e2e").isEmpty(), "the resumed run released the lock");
  }
}
