package aegis.eval;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.Span;

/**
 * A failure while evaluating: an index out of range, a division by zero, a built-in that failed.
 * Carries a positioned diagnostic; the executor fails the step with it.
 */
public class EvalException extends RuntimeException {
  private final transient Diagnostic diagnostic;

  public EvalException(Diagnostic diagnostic) {
    super(diagnostic.message());
    this.diagnostic = diagnostic;
  }

  public static EvalException at(Span span, Code code, String message) {
    return new EvalException(Diagnostic.of(code, span, message));
  }

  public Diagnostic diagnostic() { return diagnostic; }
}
