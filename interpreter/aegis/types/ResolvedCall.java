package aegis.types;

import aegis.syntax.ast.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a call expression does, with its arguments put in parameter order, so that the planner and
 * the evaluator never redo name resolution.
 *
 * @param kind      what is called
 * @param target    the function ({@code FUNCTION}, {@code METHOD}), the record ({@code CONSTRUCTOR},
 *                  {@code WITH}), or the let/param holding the function ({@code VALUE}; null when the
 *                  callee is some other expression)
 * @param receiver  {@code x} in {@code x.f(...)} and {@code x.with(...)}, else null
 * @param arguments one entry per parameter ({@code FUNCTION}, {@code METHOD}, {@code VALUE}) or per
 *                  field ({@code CONSTRUCTOR}, {@code WITH}), in declaration order; an entry is
 *                  null when the argument was left out (the default applies, or for {@code WITH}
 *                  the field is copied unchanged). For {@code METHOD} the first entry is the receiver.
 * @param type      the call's result type
 */
public record ResolvedCall(Kind kind, Symbol target, Expr receiver, List<Expr> arguments, Type type) {
  /** What sort of call. */
  public enum Kind {
    /** {@code f(a)} or {@code k8s.apply(x)}: a function by name. */
    FUNCTION,
    /** {@code xs.filter(p)}: the function {@code filter(xs, p)}. */
    METHOD,
    /** {@code Service(name: "api")}: builds a record. */
    CONSTRUCTOR,
    /** {@code s.with(replicas: 3)}: copies a record with some fields changed. */
    WITH,
    /** {@code f(x)} where {@code f} is a function value (a lambda in a let, a function-typed field). */
    VALUE
  }

  public ResolvedCall {
    arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
  }
}
