package aegis.eval;

import aegis.adapters.Args;
import aegis.syntax.Span;
import aegis.types.Symbol;

/**
 * How the evaluator reaches the outside world: every call of an {@code extern fn} goes through
 * here. The executor decides what a call does in the current mode: run it, plan it (writes become
 * planned actions and unknown results), or, offline, make even reads unknown.
 */
@FunctionalInterface
public interface ExternCalls {
  Value call(Symbol function, Args args, Span site);
}
