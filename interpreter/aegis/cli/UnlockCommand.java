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
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aegis unlock ENV --run RUN_ID}: releases an environment's lock that a run left behind,
 * naming the run so that nobody releases a lock they did not mean to. Exit codes: 0 released,
 * 1 refused (not locked, locked by another run, or its holder is running here), 2 bad usage.
 */
public final class UnlockCommand implements Callable<Integer>, Described {
  private CommandSpec spec;
  private String environment;
  private String runId;
  private boolean force;

  private final Supplier<AegisHome> home;

  /** The command for the given home (the CLI passes its context's). */
  public UnlockCommand(AegisHome home) {
    this.home = () -> home;
  }

  @Override
  public CommandSpec spec() {
    if (spec == null) {
      spec = Specs.command(this, "unlock", "Release an environment's lock held by a run that is no longer running.",
              "A run whose process died on this host loses its lock to the next run by itself;",
              "use this for a run that died on another host.")
          .addPositional(Specs.positional("ENV", () -> environment, v -> environment = v,
              "The environment's name, e.g. production.").index("0").type(String.class).build())
          .addOption(Specs.option("--run", () -> runId, v -> runId = v,
              "The run that holds the lock (the lock is released only if it names this run).")
              .paramLabel("RUN_ID").type(String.class).required(true).build())
          .addOption(Specs.option("--force", () -> force, v -> force = v,
              "Release it even if the holder is still running on this host.").type(boolean.class).build());
    }
    return spec;
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
