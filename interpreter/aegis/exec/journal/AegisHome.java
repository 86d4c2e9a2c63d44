package aegis.exec.journal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where aegis keeps its local state: {@code $AEGIS_HOME}, or {@code .aegis/} in the working
 * directory when the variable is unset or blank. It holds {@code runs/} (one directory per run,
 * see {@link RunStore}) and {@code locks/} (one lock file per environment, see
 * {@code aegis.exec.lock.EnvironmentLocks}). Directories are created on first write, never on
 * read, so {@code aegis runs} in a fresh directory leaves nothing behind.
 *
 * @param root the home directory, absolute
 */
public record AegisHome(Path root) {
  /** The environment variable that moves the home away from the working directory. */
  public static final String VARIABLE = "AEGIS_HOME";

  public AegisHome {
    root = root.toAbsolutePath().normalize();
  }

  /** The home of this process: {@code $AEGIS_HOME}, else {@code ./.aegis}. */
  public static AegisHome fromEnvironment() {
    return resolve(System.getenv(), Path.of(System.getProperty("user.dir")));
  }

  /**
   * The home for the given environment variables and working directory; a relative
   * {@code AEGIS_HOME} is taken relative to {@code workingDirectory}.
   */
  public static AegisHome resolve(Map<String, String> environment, Path workingDirectory) {
    String configured = environment.get(VARIABLE);
    if (configured == null || configured.isBlank()) return new AegisHome(workingDirectory.resolve(".aegis"));
    return new AegisHome(workingDirectory.resolve(configured.strip()));
  }

  /** {@code runs/}: one directory per run, named by its {@link RunId}. */
  public Path runs() { return root.resolve("runs"); }

  /** {@code locks/}: one {@code <env>.lock} file per locked environment. */
  public Path locks() { return root.resolve("locks"); }
}
