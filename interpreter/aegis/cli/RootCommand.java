package aegis.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis} itself: it only dispatches; run without a command it shows usage and exits 2. */
final class RootCommand extends AegisCommand {
  @Override
  protected CommandSpec describe() {
    var spec = Specs.command(this, "aegis", "Typed, planned and journalled runbooks.",
        "Run `aegis COMMAND --help` for the options of a command.");
    spec.usageMessage().synopsisSubcommandLabel("COMMAND");
    return spec;
  }

  @Override
  protected ExitCode execute() {
    err().println("aegis: missing command");
    commandLine().usage(err());
    return ExitCode.USAGE;
  }
}
