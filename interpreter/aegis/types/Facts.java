package aegis.types;

import aegis.diagnostics.Diagnostics;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What checking one file records as it goes; frozen into a {@link CheckedProgram} at the end. The
 * maps are sized from the file's length up front: growing them one doubling at a time was a tenth
 * of the time the language server spent checking a 5 000-line runbook after each edit.
 */
final class Facts {
  /** Characters of source per expression with a type (about 9 in long runbooks, 15 to 20 in short ones). */
  private static final int CHARS_PER_EXPR = 8;
  /** Characters of source per call. */
  private static final int CHARS_PER_CALL = 32;

  final Diagnostics diagnostics = new Diagnostics();
  final Map<Expr, Type> types;
  final Map<Node, Symbol> symbols;
  final Map<Expr.Call, ResolvedCall> calls;
  final Map<Stmt.Step, Effect> stepEffects = new IdentityHashMap<>();
  final Map<Stmt.Run, CheckedProgram.RunTarget> runs = new IdentityHashMap<>();
  /** Every scope with a source region, outermost (the file) first. */
  final List<Scope> scopes = new ArrayList<>();
  /**
   * How many of the recorded types hold a type variable (a generic call's, not inferred yet). Most
   * files have none most of the time, and then a generic call has nothing to settle in its arguments.
   */
  private int typesWithVars;

  /** Records (or replaces) an expression's type. */
  void recordType(Expr e, Type t) {
    Type was = types.put(e, t);
    if (Types.containsVar(t)) typesWithVars++;
    if (was != null && Types.containsVar(was)) typesWithVars--;
  }

  /** Whether some recorded type holds a type variable. */
  boolean anyTypeWithVars() { return typesWithVars > 0; }

  /** @param sourceLength the length of the file's text, to size the maps */
  Facts(int sourceLength) {
    types = new IdentityHashMap<>(sourceLength / CHARS_PER_EXPR);
    symbols = new IdentityHashMap<>(sourceLength / CHARS_PER_EXPR);
    calls = new IdentityHashMap<>(sourceLength / CHARS_PER_CALL);
  }
}
