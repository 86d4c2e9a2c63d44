package aegis.exec;

import aegis.diagnostics.Diagnostic;

/**
 * Why a run stopped before its end: a failed step, check or {@code fail}, a timeout, a refused
 * window or a missing approval. Carries the positioned diagnostic shown to the person.
 */
public class RunFailure extends RuntimeException {
  private final transient Diagnostic diagnostic;

  public RunFailure(Diagnostic diagnostic) {
    super(diagnostic.message());
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() { return diagnostic; }

  /** The run stopped at an {@code approve} gate (or a destructive call) and waits for a person. */
  public static final class Waiting extends RunFailure {
    public Waiting(Diagnostic diagnostic) { super(diagnostic); }
  }
}
