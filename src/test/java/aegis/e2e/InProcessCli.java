package aegis.e2e;

import aegis.adapters.BuiltinRegistry;
import aegis.cli.Cli;
import aegis.cli.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code aegis} run in-process through {@link Cli#run}, exactly as {@code Main} runs it, with the
 * test's working directory, environment variables, built-ins and clock; output is captured.
 * Never interactive (as in CI): applying needs {@code --yes}.
 */
final class InProcessCli {
  /** What one command printed and returned. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final CliContext context;

  InProcessCli(Path workingDir, Map<String, String> env, Supplier<BuiltinRegistry> builtins, Clock clock) {
    this.context = new CliContext(env, false, workingDir, workingDir.resolve("crashes")).withBuiltins(builtins).withClock(clock);
  }

  InProcessCli(Path workingDir, Map<String, String> env, Supplier<BuiltinRegistry> builtins) {
    this(workingDir, env, builtins, Clock.systemUTC());
  }

  Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int exit = Cli.run(args, new PrintWriter(out), new PrintWriter(err), context);
    return new Result(exit, out.toString(), err.toString());
  }
}
