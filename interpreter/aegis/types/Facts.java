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

/** What checking one file records as it goes; frozen into a {@link CheckedProgram} at the end. */
final class Facts {
  final Diagnostics diagnostics = new Diagnostics();
  final Map<Expr, Type> types;
  final Map<Node, Symbol> symbols;
  final Map<Expr.Call, ResolvedCall> calls;
  final Map<Stmt.Step, Effect> stepEffects = new IdentityHashMap<>();
  final Map<Stmt.Run, CheckedProgram.RunTarget> runs = new IdentityHashMap<>();
  /** Every scope with a source region, outermost (the file) first. */
  final List<Scope> scopes = new ArrayList<>();

  /**
   * Sized for a file of {@code textLength} characters: runbooks have a typed expression and a bound
   * name about every 14 to 19 characters. Grown from the default size instead, the maps of a
   * 500-line file rehash every entry about eight times over (4% of a warm parse and check).
   */
  Facts(int textLength) {
    types = new IdentityHashMap<>(textLength / 12);
    symbols = new IdentityHashMap<>(textLength / 12);
    calls = new IdentityHashMap<>(textLength / 40);
  }
}
