package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A bug in a command: one line, the trace in a file, exit 70. */
class CrashTest {
  @TempDir
  Path dir;

  static final class Boom extends AegisCommand {
    final Supplier<Throwable> failure;

    Boom(Supplier<Throwable> failure) {
      this.failure = failure;
    }

    @Override
    protected picocli.CommandLine.Model.CommandSpec describe() {
      return Specs.command(this, "boom", "Fails.");
    }

    @Override
    protected ExitCode execute() throws Exception {
      // Made here so that the trace passes through this method.
      Throwable t = failure.get();
      if (t instanceof Exception e) throw e;
      throw (Error) t;
    }
  }

  CliRunner.Result boom(CliRunner aegis, Supplier<Throwable> failure) {
    return aegis.run((out, err) -> {
      CommandLine cli = Cli.create(out, err, aegis.context());
      cli.addSubcommand(new CommandLine(new Boom(failure).spec()));
      return cli.setOut(out).setErr(err);
    }, "boom");
  }

  void assertReported(CliRunner aegis, CliRunner.Result r, String what) throws IOException {
    assertEquals(ExitCode.INTERNAL.code(), r.exit(), r::toString);
    assertEquals("", r.out());
    var line = Pattern.compile("aegis: internal error: " + Pattern.quote(what)
        + " \\(full trace in (.+aegis-crash-\\d+\\.txt); please report it with that file\\)\n");
    var m = line.matcher(r.err());
    assertTrue(m.matches(), r::toString);
    Path trace = Path.of(m.group(1));
    assertTrue(trace.startsWith(aegis.crashDir()), trace::toString);
    String saved = Files.readString(trace);
    assertTrue(saved.contains(what) && saved.contains("\tat aegis.cli.CrashTest$Boom.execute"), saved);
  }

  @Test
  void anExceptionIsOneLineAndATraceFile() throws IOException {
    var aegis = new CliRunner(dir);
    var r = boom(aegis, () -> new IllegalStateException("the map was empty\nsecond line"));
    assertReported(aegis, r, "java.lang.IllegalStateException: the map was empty");
  }

  @Test
  void anErrorTooEvenAStackOverflow() throws IOException {
    var aegis = new CliRunner(dir);
    var r = boom(aegis, StackOverflowError::new);
    assertReported(aegis, r, "java.lang.StackOverflowError");
  }

  @Test
  void whenTheTraceCannotBeSavedItIsPrinted() throws IOException {
    Files.writeString(dir.resolve("crashes"), "a file where the crash directory should be");
    var aegis = new CliRunner(dir);
    var r = boom(aegis, () -> new IllegalStateException("broken"));
    assertEquals(ExitCode.INTERNAL.code(), r.exit());
    assertTrue(r.err().startsWith("aegis: internal error: java.lang.IllegalStateException: broken (could not save"),
        r::toString);
    assertTrue(r.err().contains("\tat aegis.cli.CrashTest$Boom.execute"), r::toString);
  }
}
