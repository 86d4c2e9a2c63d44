package aegis.types;

import aegis.diagnostics.Diagnostic;
import aegis.syntax.SourceFile;
import aegis.syntax.ast.AegisFile;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.ImportDecl;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked file: the syntax tree plus everything the checker learned about it. The planner,
 * executor, language server and {@code aegis doc} read this, never raw syntax alone. Lookups are
 * by node identity (the very {@link Expr} object of {@link #ast()}).
 */
public final class CheckedProgram {
  /** An import and the module it brought in ({@code module} is null when the import failed). */
  public record ResolvedImport(ImportDecl decl, String alias, ModuleInfo module, Path path) {}

  /**
   * The runbook a {@code run} statement names. {@code program} is the checked target; it is null
   * when the target (directly or not) runs the runbook being checked, which is legal but not
   * followed.
   */
  public record RunTarget(String name, Path path, CheckedProgram program) {}

  private final AegisFile ast;
  private final List<Diagnostic> diagnostics;
  private final Facts facts;
  private final List<Symbol> params;
  private final List<ResolvedImport> imports;
  private final Effect effect;
  private final Expr environmentValue;
  private final ModuleInfo module;
  private final Methods methods;

  CheckedProgram(AegisFile ast, List<Diagnostic> diagnostics, Facts facts, List<Symbol> params,
                 List<ResolvedImport> imports, Effect effect, Expr environmentValue, ModuleInfo module,
                 Methods methods) {
    this.ast = ast;
    this.diagnostics = List.copyOf(diagnostics);
    this.facts = facts;
    this.params = List.copyOf(params);
    this.imports = List.copyOf(imports);
    this.effect = effect;
    this.environmentValue = environmentValue;
    this.module = module;
    this.methods = methods;
  }

  public AegisFile ast() { return ast; }

  public SourceFile source() { return ast.source(); }

  public Header.Kind kind() { return ast.kind(); }

  /** The name in the header ({@code deploy} for {@code runbook deploy}), or null when there is none. */
  public String name() { return ast.header() == null ? null : ast.header().name().name(); }

  /** Syntax and check diagnostics of this file, sorted by position. */
  public List<Diagnostic> diagnostics() { return diagnostics; }

  public boolean hasErrors() { return diagnostics.stream().anyMatch(Diagnostic::isError); }

  /** The type of an expression of this file; {@link Type#ERROR} for expressions not checked (after a syntax error). */
  public Type typeOf(Expr e) { return facts.types.getOrDefault(e, Type.ERROR); }

  /**
   * What a node refers to or declares: a {@link Expr.Name}, the {@link aegis.syntax.ast.Ident} of a field
   * access, a call's callee, a named argument's name, a {@link aegis.syntax.ast.TypeRef.Named}, a
   * declaration's name, a {@code run}'s runbook name. Null when nothing is known.
   */
  public Symbol symbolOf(Node n) { return facts.symbols.get(n); }

  /** Every resolved node and its symbol (for find-references and rename). */
  public Map<Node, Symbol> symbols() { return Collections.unmodifiableMap(facts.symbols); }

  /** How a call is resolved, or null for calls that did not check. */
  public ResolvedCall callOf(Expr.Call call) { return facts.calls.get(call); }

  /** The effect of a step: the greatest effect of everything it calls. */
  public Effect effectOf(Stmt.Step step) { return facts.stepEffects.getOrDefault(step, Effect.PURE); }

  /** The effect of the whole file: the greatest effect of everything in it. */
  public Effect effect() { return effect; }

  /** The runbook's {@code param}s, in order; each symbol's declaration is its {@code Decl.Param}. */
  public List<Symbol> params() { return params; }

  public List<ResolvedImport> imports() { return imports; }

  /** What a {@code run} statement runs, or null when the runbook was not found. */
  public RunTarget runTarget(Stmt.Run run) { return facts.runs.get(run); }

  /** For an environment file: the expression that builds its {@code Environment}; else null. */
  public Expr environmentValue() { return environmentValue; }

  /** For a module file: the module it declares; else null. */
  public ModuleInfo module() { return module; }

  /**
   * The names visible at an offset of this file (innermost first), for completion: locals, params,
   * the file's declarations, imports and core.
   */
  public Map<String, Symbol> namesVisibleAt(int offset) {
    Scope innermost = null;
    for (var s : facts.scopes) {
      var r = s.region();
      if (r != null && r.contains(offset) && (innermost == null || r.length() <= innermost.region().length())) {
        innermost = s;
      }
    }
    if (innermost == null && !facts.scopes.isEmpty()) innermost = facts.scopes.getFirst();
    var out = new LinkedHashMap<String, Symbol>();
    for (var s = innermost; s != null; s = s.parent()) {
      for (var e : s.bindings().entrySet()) {
        var sym = e.getValue().symbol();
        boolean later = sym.kind() == Symbol.Kind.LET && sym.module() == null && sym.span() != null
            && sym.span().file() == source() && sym.span().start() > offset;
        if (!later) out.putIfAbsent(e.getKey(), sym);
      }
    }
    return out;
  }

  /**
   * What may follow {@code x.} for a value of type {@code t}, for completion: the fields of a
   * record, then the functions that method syntax can call on it (named once each).
   */
  public List<Symbol> membersOf(Type t) {
    var out = new ArrayList<Symbol>();
    if (Types.nonNull(t) instanceof RecordType r) {
      for (var f : r.fields()) out.add(ExprChecker.fieldSymbol(r, f));
    }
    out.addAll(methods.all(Types.nonNull(t)));
    return out;
  }

  /** Every expression type of this file (identity map; read-only). */
  public Map<Expr, Type> types() { return Collections.unmodifiableMap(facts.types); }
}
