package aegis.plan;

import aegis.diagnostics.Diagnostic;
import java.util.List;

/**
 * A diagnostic kept in a plan document (mostly warnings: {@code check ... else warn}, reads that
 * failed in an expected way). Spans become {@code file:line:col} text, since a plan outlives the
 * parsed sources.
 *
 * @param code     {@code AEG402}
 * @param severity {@code error}, {@code warning} or {@code info}
 */
public record PlanDiagnostic(String code, String severity, String location, String message, List<String> hints) {
  public PlanDiagnostic {
    if (code == null || severity == null || message == null) throw new IllegalArgumentException("a diagnostic needs a code, a severity and a message");
    hints = hints == null ? List.of() : List.copyOf(hints);
  }

  public static PlanDiagnostic from(Diagnostic d) {
    return new PlanDiagnostic(d.code().name(), d.severity().label(), d.span().toString(), d.message(), d.hints());
  }

  public boolean error() {
    return severity.equals("error");
  }
}
