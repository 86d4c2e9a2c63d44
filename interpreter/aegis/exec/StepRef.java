package aegis.exec;

import aegis.exec.journal.StepId;
import aegis.syntax.Span;
import aegis.syntax.ast.Effect;

/**
 * A step as it runs: its stable id (resume matches on it), its evaluated name, its effect and
 * where it is declared.
 */
public record StepRef(StepId id, String name, Effect effect, Span span) {
  public String location() { return span.file().name() + ":" + span.line() + ":" + span.column(); }
}
