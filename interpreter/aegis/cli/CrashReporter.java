package aegis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What the user sees when aegis has a bug: one line naming the exception and the file that holds
 * the full trace (under the temp directory), and exit status 70. Never a stack trace on screen.
 */
final class CrashReporter implements IExecutionExceptionHandler {
  private final CliContext context;
  private final PrintWriter err;

  CrashReporter(CliContext context, PrintWriter err) {
    this.context = context;
    this.err = err;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    return report(e, err, context);
  }

  /** Saves the trace, prints the one line, and returns {@link ExitCode#INTERNAL}. */
  static int report(Throwable t, PrintWriter err, CliContext context) {
    String what = firstLine(t);
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    try {
      Files.createDirectories(context.crashDir());
      Path file = Files.createTempFile(context.crashDir(), "aegis-crash-", ".txt");
      Files.writeString(file, "aegis " + VersionProvider.version() + " on Java "
          + System.getProperty("java.version") + "\n\n" + trace, StandardCharsets.UTF_8);
      err.println("aegis: internal error: " + what + " (full trace in " + file
          + "; please report it with that file)");
    } catch (IOException | RuntimeException saveFailed) {
      err.println("aegis: internal error: " + what + " (could not save the trace: " + saveFailed + ")");
      err.print(trace);
    }
    err.flush();
    return ExitCode.INTERNAL.code();
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage();
    String name = t.getClass().getName();
    if (message == null || message.isBlank()) return name;
    int newline = message.indexOf('\n');
    return name + ": " + (newline < 0 ? message : message.substring(0, newline));
  }
}
