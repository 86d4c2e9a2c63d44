package aegis.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point of the jar: runs one {@code aegis} command and exits with its status. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    LibraryDefaults.apply();
    // Buffered, flushed once by Cli.run: a check with thousands of diagnostics is not slowed down
    // by a flush per line.
    PrintWriter out = writer(FileDescriptor.out);
    PrintWriter err = writer(FileDescriptor.err);
    System.exit(Cli.run(args, out, err, CliContext.system()));
  }

  private static PrintWriter writer(FileDescriptor fd) {
    return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), false);
  }
}
