package aegis.cli;

import picocli.CommandLine.Command;

/** {@code aegis} itself: it only dispatches; run without a command it shows usage and exits 2. */
@Command(name = "aegis", mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
        "Typed, planned and journalled runbooks.",
        "Run `aegis COMMAND --help` for the options of a command."
    })
final class RootCommand extends AegisCommand {
  @Override
  protected ExitCode execute() {
    err().println("aegis: missing command");
    commandLine().usage(err());
    return ExitCode.USAGE;
  }
}
