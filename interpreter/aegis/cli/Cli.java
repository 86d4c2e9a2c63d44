package aegis.cli;

import aegis.exec.journal.AegisHome;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Builds the {@code aegis} command line with given writers and context, so that {@link Main}
 * and in-process tests run exactly the same commands.
 */
public final class Cli {
  /** A subcommand: its name (the one its model gives, {@code CommandLineTest} checks) and how it is made for a context. */
  record Subcommand(String name, Function<CliContext, Described> make) {}

  /**
   * Every subcommand, in the order {@code aegis --help} lists them. Adding a command is one class
   * that describes itself (an {@link AegisCommand}, ideally) and one line here; {@link #create}
   * gives each the version provider and the exit-code list.
   */
  static final List<Subcommand> SUBCOMMANDS = List.of(
      new Subcommand("check", context -> new CheckCommand()),
      new Subcommand("plan", context -> new PlanCommand()),
      new Subcommand("apply", context -> new ApplyCommand()),
      new Subcommand("run", context -> new RunCommand()),
      new Subcommand("resume", context -> new ResumeCommand()),
      // They keep their state under $AEGIS_HOME: the context's, not this process's.
      new Subcommand("runs", context -> new RunsCommand(home(context))),
      new Subcommand("unlock", context -> new UnlockCommand(home(context))),
      new Subcommand("sandbox", context -> new SandboxCommand()),
      new Subcommand("pr-plan", context -> new PrPlanCommand()),
      new Subcommand("doc", context -> new DocCommand()),
      new Subcommand("fmt", context -> new FmtCommand()),
      new Subcommand("lsp", context -> new LspCommand()));

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
   * that one: a run of one command need not build the models of the others.
   */
  private static CommandLine create(PrintWriter out, PrintWriter err, CliContext context, String only) {
    CommandLine root = new CommandLine(bound(new RootCommand(), context).spec());
    for (Subcommand sub : SUBCOMMANDS) {
      if (only == null || only.equals(sub.name())) {
        root.addSubcommand(sub.name(), new CommandLine(bound(sub.make().apply(context), context).spec()));
      }
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
   * {@code --version} needs no subcommand ({@link #NONE}).
   */
  private static String subcommandNamed(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) return NONE;
    for (String arg : args) {
      if (arg.startsWith("-")) continue;
      for (Subcommand sub : SUBCOMMANDS) if (arg.equals(sub.name())) return arg;
      return null;
    }
    return null;
  }

  private static Described bound(Described command, CliContext context) {
    if (command instanceof AegisCommand c) c.bind(context);
    return command;
  }

  private static AegisHome home(CliContext context) {
    return AegisHome.resolve(context.env(), context.workingDir());
  }
}
