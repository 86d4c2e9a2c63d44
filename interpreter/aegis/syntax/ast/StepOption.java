package aegis.syntax.ast;

import aegis.syntax.Span;
import java.util.List;

/** An option after a step's name: {@code timeout 10m} or {@code retry(attempts: 2, backoff: 30s)}. */
public sealed interface StepOption extends Node {
  record Timeout(Expr duration, Span span) implements StepOption {}

  record Retry(List<Arg> args, Span span) implements StepOption {
    public Retry { args = List.copyOf(args); }
  }
}
