package aegis.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A mistake on the command line: the problem, suggestions, where to find help, and exit 2. */
final class UsageError implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("aegis: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run `" + command.getCommandSpec().qualifiedName() + " --help` for usage.");
    err.flush();
    return ExitCode.USAGE.code();
  }
}
