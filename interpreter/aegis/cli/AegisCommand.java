package aegis.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The base of every {@code aegis} subcommand: it returns a named {@link ExitCode}, and writes
 * only to the writers and context that {@link Cli} gives it, so tests run it in-process.
 * A new subcommand is one subclass that describes itself ({@link #describe}), listed in
 * {@link Cli#SUBCOMMANDS}.
 */
public abstract class AegisCommand implements Callable<Integer>, Described {
  private CommandSpec spec;

  private CliContext context;
  private final java.util.List<AutoCloseable> closeAtEnd = new java.util.ArrayList<>();

  /**
   * Does the work; problems the user can act on are printed and mapped to an exit code. A bad
   * input ({@link aegis.exec.Inputs.InputException}) may be left to escape: it is shown as a usage error.
   */
  protected abstract ExitCode execute() throws Exception;

  /** Its name, description, options and mixins, bound to its fields ({@link Specs}). */
  protected abstract CommandSpec describe();

  @Override
  public final CommandSpec spec() {
    if (spec == null) spec = describe();
    return spec;
  }

  @Override
  public final Integer call() throws Exception {
    try {
      return execute().code();
    } catch (aegis.exec.Inputs.InputException e) {
      // A missing, unknown or ill-typed --set is the user's to fix, not a crash.
      err().println("aegis " + spec.name() + ": " + e.getMessage());
      return ExitCode.USAGE.code();
    } finally {
      out().flush();
      err().flush();
      for (int i = closeAtEnd.size() - 1; i >= 0; i--) closeAtEnd.remove(i).close();
    }
  }

  /** Closes {@code resource} when the command has finished (e.g. a sandbox started for it), last registered first. */
  protected final void closeAtEnd(AutoCloseable resource) { closeAtEnd.add(resource); }

  protected final CommandLine commandLine() { return spec.commandLine(); }

  protected final PrintWriter out() { return spec.commandLine().getOut(); }

  protected final PrintWriter err() { return spec.commandLine().getErr(); }

  protected final CliContext context() { return context; }

  final void bind(CliContext context) { this.context = context; }
}
