package aegis.cli;

import aegis.adapters.BuiltinRegistry;
import aegis.adapters.Builtins;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command may know about the process it runs in, passed in rather than read from globals
 * so tests can run commands in-process with their own environment.
 *
 * @param env         environment variables ({@code NO_COLOR}, {@code TERM})
 * @param interactive whether standard output is a terminal
 * @param workingDir  the directory relative paths are resolved against
 * @param crashDir    where the full trace of an internal error is written
 * @param builtins    makes the built-in modules a plan or run calls: {@link Builtins#registry()},
 *                    or in tests a registry with test modules (a fake of an adapter not built yet)
 * @param clock       what "now" is for plans and runs (change windows, journal times); tests fix it
 */
public record CliContext(Map<String, String> env, boolean interactive, Path workingDir, Path crashDir,
                         Supplier<BuiltinRegistry> builtins, Clock clock) {
  public CliContext {
    env = Map.copyOf(env);
  }

  /** A context with the real built-ins and the system clock. */
  public CliContext(Map<String, String> env, boolean interactive, Path workingDir, Path crashDir) {
    this(env, interactive, workingDir, crashDir, Builtins::registry, Clock.systemUTC());
  }

  /** The real process: its environment, its terminal, its current and temp directories. */
  public static CliContext system() {
    return new CliContext(System.getenv(), Terminals.stdoutIsTerminal(), Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** The same context with other built-ins. */
  public CliContext withBuiltins(Supplier<BuiltinRegistry> registry) {
    return new CliContext(env, interactive, workingDir, crashDir, registry, clock);
  }

  /** The same context with another clock. */
  public CliContext withClock(Clock c) {
    return new CliContext(env, interactive, workingDir, crashDir, builtins, c);
  }

  /**
   * Whether colour is wanted when nobody asked: only on a terminal, never with a non-empty
   * {@code NO_COLOR} (no-color.org), never on {@code TERM=dumb}.
   */
  public boolean colorByDefault() {
    String noColor = env.get("NO_COLOR");
    return interactive && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }
}
