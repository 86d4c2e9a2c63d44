package aegis.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every {@code aegis} subcommand: it returns a named {@link ExitCode}, and writes
 * only to the writers and context that {@link Cli} gives it, so tests run it in-process.
 * A new subcommand is one subclass with a picocli {@code @Command} annotation, listed in
 * {@link Cli#SUBCOMMANDS}.
 */
public abstract class AegisCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private CliContext context;

  /** Does the work; problems the user can act on are printed and mapped to an exit code. */
  protected abstract ExitCode execute() throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      return execute().code();
    } finally {
      out().flush();
      err().flush();
    }
  }

  protected final CommandLine commandLine() { return spec.commandLine(); }

  protected final PrintWriter out() { return spec.commandLine().getOut(); }

  protected final PrintWriter err() { return spec.commandLine().getErr(); }

  protected final CliContext context() { return context; }

  final void bind(CliContext context) { this.context = context; }
}
