package aegis.cli;

import aegis.exec.journal.AegisHome;
import aegis.exec.journal.RunId;
import aegis.exec.lock.EnvironmentLocks;
import aegis.exec.lock.LockException;
import aegis.exec.lock.LockHolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aegis unlock ENV --run RUN_ID}: releases an environment's lock that a run left behind,
 * naming the run so that nobody releases a lock they did not mean to. Exit codes: 0 released,
 * 1 refused (not locked, locked by another run, or its holder is running here), 2 bad usage.
 */
@Command(name = "unlock", mixinStandardHelpOptions = true,
    description = {"Release an environment's lock held by a run that is no longer running.",
        "A run whose process died on this host loses its lock to the next run by itself;",
        "use this for a run that died on another host."})
public final class UnlockCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ENV", description = "The environment's name, e.g. production.")
  private String environment;

  @Option(names = "--run", required = true, paramLabel = "RUN_ID",
      description = "The run that holds the lock (the lock is released only if it names this run).")
  private String runId;

  @Option(names = "--force", description = "Release it even if the holder is still running on this host.")
  private boolean force;

  private final Supplier<AegisHome> home;

  /** The command for the given home (the CLI's {@code CommandFactory} passes its context's). */
  public UnlockCommand(AegisHome home) {
    this.home = () -> home;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!RunId.isValid(runId)) {
      err.println("error: `" + runId + "` is not a run id (e.g. 20261127T091500Z-4f3a)");
      err.flush();
      return 2;
    }
    try {
      LockHolder released = new EnvironmentLocks(home.get()).unlock(environment, new RunId(runId), force);
      PrintWriter out = spec.commandLine().getOut();
      out.println("released environment " + environment + ", locked by " + released.describe());
      out.flush();
      return 0;
    } catch (IllegalArgumentException badName) {
      err.println("error: " + badName.getMessage());
      err.flush();
      return 2;
    } catch (LockException | IOException refused) {
      err.println("error: " + refused.getMessage());
      err.flush();
      return 1;
    }
  }
}
