package aegis.adapters;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a built-in may use besides its arguments: whether this is a plan or an apply, per-run
 * resources (connection pools, clients) that are closed when the run ends, the deadline of the
 * current step, and the registry of secret values to redact from everything written.
 */
public interface CallContext {
  enum Mode { PLAN, APPLY }

  Mode mode();

  /**
   * A resource shared by every call of this run, created on first use and closed (if
   * {@link AutoCloseable}) when the run ends; e.g. one JDBC pool per endpoint.
   */
  <T> T resource(String key, Supplier<T> create);

  /** When the current step must end, or null when it has no timeout. */
  Instant deadline();

  /** Registers a secret value so that no output, plan or journal line ever shows it. */
  void registerSecret(String value);

  /** A line of progress for the person running the runbook (never a secret). */
  void progress(String message);

  /**
   * The run's environment (a core {@code Environment} record), for built-ins that reach systems
   * through it (e.g. {@code k8s}, through {@code env.kubernetes}); null when the run has none.
   */
  default aegis.eval.Value.Rec environment() { return null; }

  /** The directory of the runbook being run, for paths relative to it; null for the working directory. */
  default java.nio.file.Path runbookDirectory() { return null; }
}
