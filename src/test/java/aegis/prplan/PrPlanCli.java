package aegis.prplan;

import aegis.cli.Cli;
import aegis.cli.CliContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code aegis} in-process in a working directory of its own, with captured output. */
final class PrPlanCli {
  record Result(int exit, String out, String err) {
    @Override
    public String toString() { return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err; }
  }

  private PrPlanCli() {}

  /** {@code aegis ARGS} in {@code work} (its {@code $AEGIS_HOME} inside it), with {@code env} as the environment. */
  static Result run(Path work, Map<String, String> env, List<String> args) throws IOException {
    Files.createDirectories(work);
    var all = new HashMap<>(env);
    all.put("AEGIS_HOME", work.resolve("home").toString());
    var out = new StringWriter();
    var err = new StringWriter();
    int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
        new CliContext(all, false, work, work.resolve("crashes")));
    return new Result(exit, out.toString(), err.toString());
  }
}
