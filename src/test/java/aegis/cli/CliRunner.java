package aegis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code aegis} in-process with captured output, a chosen environment and working directory. */
final class CliRunner {
  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final Path workingDir;
  private final Path crashDir;
  private final Map<String, String> env = new HashMap<>();
  private boolean interactive;

  CliRunner(Path workingDir) {
    this.workingDir = workingDir;
    this.crashDir = workingDir.resolve("crashes");
  }

  CliRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Pretend standard output is a terminal. */
  CliRunner interactive() {
    interactive = true;
    return this;
  }

  CliContext context() {
    return new CliContext(env, interactive, workingDir, crashDir);
  }

  Path crashDir() { return crashDir; }

  Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int exit = Cli.run(args, new PrintWriter(out), new PrintWriter(err), context());
    return new Result(exit, out.toString(), err.toString());
  }

  /** Runs a command line the test has extended (e.g. with a command that fails on purpose). */
  Result run(java.util.function.BiFunction<PrintWriter, PrintWriter, CommandLine> build, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var outWriter = new PrintWriter(out);
    var errWriter = new PrintWriter(err);
    int exit = Cli.execute(build.apply(outWriter, errWriter), args, context());
    outWriter.flush();
    errWriter.flush();
    return new Result(exit, out.toString(), err.toString());
  }
}
