package aegis.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;

/**
 * Builds the {@code aegis} command line with given writers and context, so that {@link Main}
 * and in-process tests run exactly the same commands.
 */
public final class Cli {
  /**
   * Every subcommand, in the order {@code aegis --help} lists them. Adding a command is one
   * {@code @Command} class (an {@link AegisCommand}, ideally) and one line here; {@link #create}
   * gives each the version provider and the exit-code list.
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(CheckCommand.class, PlanCommand.class, ApplyCommand.class,
      RunCommand.class, ResumeCommand.class, RunsCommand.class, UnlockCommand.class, SandboxCommand.class,
      PrPlanCommand.class, DocCommand.class, FmtCommand.class, LspCommand.class);

  private Cli() {}

  /** The full command line: the root command with every subcommand. */
  public static CommandLine create(PrintWriter out, PrintWriter err, CliContext context) {
    return create(out, err, context, null);
  }

  /**
   * Runs {@code aegis args} and returns the exit status. Nothing escapes: an exception or error
   * anywhere becomes the one-line internal-error report and {@link ExitCode#INTERNAL}.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    try {
      return execute(create(out, err, context, subcommandNamed(args)), args, context);
    } catch (Throwable t) {
      return CrashReporter.report(t, err, context);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Runs a command line built by {@link #create}; errors picocli lets through are reported too. */
  static int execute(CommandLine commandLine, String[] args, CliContext context) {
    try {
      return commandLine.execute(args);
    } catch (Throwable t) {
      return CrashReporter.report(t, commandLine.getErr(), context);
    }
  }

  /**
   * Builds the root command and either every subcommand or, when {@code only} names one, just
   * that one: each command's model is built by reflection, which a run of one command need not
   * pay for the others.
   */
  private static CommandLine create(PrintWriter out, PrintWriter err, CliContext context, String only) {
    CommandFactory factory = new CommandFactory(context);
    CommandLine root = new CommandLine(RootCommand.class, factory);
    for (Class<?> type : SUBCOMMANDS) {
      if (only == null || only.equals(nameOf(type))) root.addSubcommand(new CommandLine(type, factory));
    }
    // Settings made on the root reach the subcommands added above.
    root.setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setColorScheme(Help.defaultColorScheme(context.colorByDefault() ? Help.Ansi.ON : Help.Ansi.OFF))
        .setParameterExceptionHandler(new UsageError())
        .setExecutionExceptionHandler(new CrashReporter(context, err));
    describe(root, new VersionProvider());
    return root;
  }

  /** The same {@code --version} and {@code Exit codes:} section on every command and subcommand. */
  private static void describe(CommandLine command, VersionProvider version) {
    command.getCommandSpec().versionProvider(version);
    command.getCommandSpec().usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.describe());
    command.getSubcommands().values().forEach(sub -> describe(sub, version));
  }

  /** Stands for "no subcommand at all" in {@link #create}: {@code aegis --version} needs none. */
  private static final String NONE = "";

  /**
   * The subcommand {@code args} asks for, if it is one we have; the root takes no values. A bare
   * {@code --version} needs no subcommand ({@link #NONE}): building all of them costs a cold start
   * about 60 ms of reflection.
   */
  private static String subcommandNamed(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) return NONE;
    for (String arg : args) {
      if (arg.startsWith("-")) continue;
      for (Class<?> type : SUBCOMMANDS) if (arg.equals(nameOf(type))) return arg;
      return null;
    }
    return null;
  }

  private static String nameOf(Class<?> type) {
    return type.getAnnotation(Command.class).name();
  }
}
