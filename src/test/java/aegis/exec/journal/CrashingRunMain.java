package aegis.exec.journal;

import aegis.exec.journal.JournalRecord.RunStarted;
import aegis.exec.lock.EnvironmentLock;
import aegis.exec.lock.EnvironmentLocks;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child process for {@link CrashResumeTest}: {@code HOME ENV SECRET}. Locks the environment,
 * journals a run whose first step completes, starts the second step, prints the run id and
 * {@code IN_STEP}, and then hangs inside that step until it is killed.
 */
public final class CrashingRunMain {
  private CrashingRunMain() {}

  public static void main(String[] args) throws Exception {
    AegisHome home = new AegisHome(Path.of(args[0]));
    RunStore store = new RunStore(home);
    SecretRegistry secrets = SecretRegistry.of(args[2]);
    RunId id = store.newRunId();
    EnvironmentLock lock = new EnvironmentLocks(home).acquire(args[1], id);
    var inputs = JournalCodec.JSON.createObjectNode().put("token", args[2]).put("version", "1.0.0");
    JournalWriter journal = store.create(new RunStarted(Instant.now(), id, "runbooks/deploy.aegis", "ab".repeat(32),
        null, args[1], inputs, Identity.current(), "0.1.0", null, null), secrets);
    StepId first = CrashResumeTest.FIRST;
    journal.append(Fixtures.started(first, Instant.now()));
    journal.append(Fixtures.finished(first, StepOutcome.OK, Instant.now()));
    journal.append(Fixtures.started(CrashResumeTest.SECOND, Instant.now()));
    System.out.println("RUN " + id + " " + lock.holder().pid());
    System.out.println("IN_STEP");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
