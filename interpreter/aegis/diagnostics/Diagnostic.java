package aegis.diagnostics;

import aegis.syntax.Span;
import java.util.List;

/**
 * One problem, from any stage: parse, check, plan or run. The single diagnostic model of aegis:
 * the terminal renderer, the JSON output and the language server all read this record.
 *
 * @param hints   what to do about it ("did you mean `rolloutStatus`?"), shown under the carets
 * @param related other places that explain it ("first declared here")
 */
public record Diagnostic(Code code, Severity severity, Span span, String message, List<String> hints,
                         List<Related> related) {

  /** Another place in the source that helps explain a diagnostic. */
  public record Related(Span span, String message) {}

  public Diagnostic {
    hints = List.copyOf(hints);
    related = List.copyOf(related);
  }

  /** A diagnostic with the code's default severity and message template. */
  public static Diagnostic of(Code code, Span span, Object... args) {
    return new Diagnostic(code, code.defaultSeverity(), span, code.format(args), List.of(), List.of());
  }

  public Diagnostic withHint(String hint) {
    if (hint == null || hint.isBlank()) return this;
    var all = new java.util.ArrayList<>(hints);
    all.add(hint);
    return new Diagnostic(code, severity, span, message, all, related);
  }

  public Diagnostic withRelated(Span where, String what) {
    var all = new java.util.ArrayList<>(related);
    all.add(new Related(where, what));
    return new Diagnostic(code, severity, span, message, hints, all);
  }

  public boolean isError() { return severity == Severity.ERROR; }
}
