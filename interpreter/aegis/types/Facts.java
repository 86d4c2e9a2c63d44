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
  final Map<Expr, Type> types = new IdentityHashMap<>();
  final Map<Node, Symbol> symbols = new IdentityHashMap<>();
  final Map<Expr.Call, ResolvedCall> calls = new IdentityHashMap<>();
  final Map<Stmt.Step, Effect> stepEffects = new IdentityHashMap<>();
  final Map<Stmt.Run, CheckedProgram.RunTarget> runs = new IdentityHashMap<>();
  /** Every scope with a source region, outermost (the file) first. */
  final List<Scope> scopes = new ArrayList<>();
}
