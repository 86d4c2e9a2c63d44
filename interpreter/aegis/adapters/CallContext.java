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
   * The environment the run targets (the {@code core.Environment} value), for adapters whose
   * functions take no endpoint (Kubernetes) and for credentials kept in its Vault; null when the
   * call is not part of a run (tests of a single adapter).
   */
  default aegis.eval.Value.Rec environment() { return null; }

  /**
   * A file that belongs with the runbook (a template), by a path relative to the runbook's
   * directory, read from the same place the runbook came from (a directory or a git commit).
   */
  default String readSource(String relativePath) throws java.io.IOException {
    throw new java.io.FileNotFoundException(relativePath + " (this run has no source directory)");
  }

  /**
   * The names of the files directly in a directory that belongs with the runbook (relative to the
   * runbook's directory, from the same place as {@link #readSource}), e.g. for
   * {@code k8s.applyFiles("rbac/")}; fails when it is not a directory.
   */
  default java.util.List<String> listSource(String relativeDirectory) throws java.io.IOException {
    throw new java.io.FileNotFoundException(relativeDirectory + " (this run has no source directory)");
  }
}
