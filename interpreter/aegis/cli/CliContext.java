package aegis.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may know about the process it runs in, passed in rather than read from globals
 * so tests can run commands in-process with their own environment.
 *
 * @param env         environment variables ({@code NO_COLOR}, {@code TERM})
 * @param interactive whether standard output is a terminal
 * @param workingDir  the directory relative paths are resolved against
 * @param crashDir    where the full trace of an internal error is written
 */
public record CliContext(Map<String, String> env, boolean interactive, Path workingDir, Path crashDir) {
  public CliContext {
    env = Map.copyOf(env);
  }

  /** The real process: its environment, its terminal, its current and temp directories. */
  public static CliContext system() {
    return new CliContext(System.getenv(), Terminals.stdoutIsTerminal(), Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("java.io.tmpdir")));
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
