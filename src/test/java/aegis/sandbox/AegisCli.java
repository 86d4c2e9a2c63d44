package aegis.sandbox;

import aegis.cli.Cli;
import aegis.cli.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code aegis} in-process from the project's root, as a user in a checkout would, journalling under {@code home}. */
record AegisCli(Path home) {
  static final Path ROOT = Path.of("").toAbsolutePath();

  record Result(int exit, String out, String err) {
    @Override
    public String toString() { return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err; }
  }

  Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var context = new CliContext(Map.of("AEGIS_HOME", home.toString(), "NO_COLOR", "1"), false, ROOT, home.resolve("crashes"));
    int exit = Cli.run(args, new PrintWriter(out), new PrintWriter(err), context);
    return new Result(exit, out.toString(), err.toString());
  }
}
