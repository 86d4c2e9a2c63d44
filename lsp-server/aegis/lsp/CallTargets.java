package aegis.lsp;

import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.StepOption;
import aegis.syntax.ast.Stmt;
import aegis.types.RecordType;
import aegis.types.Symbol;
import aegis.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * What a call's arguments are matched against, for named-argument completion and signature help:
 * a function's parameters (without the receiver of a method call), a record's fields (building it
 * or {@code with}), a runbook's params, or the options of {@code retry} and {@code parallel}.
 * Read from what the checker resolved, even for a call still being typed (whose arguments are wrong).
 */
record CallTargets(String label, List<Param> params, Symbol symbol) {
  /** One parameter: its name, type as written, whether it may be left out, and its docs. */
  record Param(String name, String type, boolean optional, String doc) {
    String label() { return name + ": " + type + (optional ? " = …" : ""); }
  }

  /** The arguments a call-like node already has. */
  static List<Arg> args(Node call) {
    return switch (call) {
      case Expr.Call c -> c.args();
      case Stmt.Run r -> r.args();
      case StepOption.Retry r -> r.args();
      case Stmt.For f -> f.parallel() == null ? List.of() : f.parallel();
      default -> List.of();
    };
  }

  /** The target of a call-like node, or null when the checker could not resolve it. */
  static CallTargets of(Analysis a, Node call) {
    var program = a.program();
    switch (call) {
      case Stmt.Run r -> {
        var target = program.runTarget(r);
        if (target == null || target.program() == null) return null;
        var params = new ArrayList<Param>();
        for (var p : target.program().params()) {
          boolean optional = p.declaration() instanceof aegis.syntax.ast.Decl.Param d && d.defaultValue() != null;
          params.add(new Param(p.name(), p.type().display(), optional, p.doc()));
        }
        return new CallTargets("run " + target.name(), params, program.symbolOf(r.runbook()));
      }
      case StepOption.Retry r -> {
        return new CallTargets("retry", List.of(new Param("attempts", "Int", false, "How many times to run the step in all."),
            new Param("backoff", "Duration", true, "How long to wait between attempts.")), null);
      }
      case Stmt.For f -> {
        return new CallTargets("parallel", List.of(new Param("limit", "Int", true, "How many iterations run at once.")), null);
      }
      case Expr.Call c -> {
        return ofCall(a, c);
      }
      default -> {
        return null;
      }
    }
  }

  private static CallTargets ofCall(Analysis a, Expr.Call c) {
    var program = a.program();
    Symbol sym = program.symbolOf(c.callee());
    boolean method = false;
    if (c.callee() instanceof Expr.Field f) {
      var onField = program.symbolOf(f.field());
      if (sym == null && onField != null) {
        sym = onField;
        method = onField.isFunction();
      }
      if (sym == null && f.field().name().equals("with") && nonNull(program.typeOf(f.target())) instanceof RecordType r) {
        return new CallTargets(r.display() + ".with", fields(r, true), null);
      }
    }
    if (sym == null) return null;
    if (sym.kind() == Symbol.Kind.RECORD && sym.type() instanceof RecordType r) {
      return new CallTargets(r.display(), fields(r, false), sym);
    }
    if (sym.signature() == null) return null;
    var params = new ArrayList<Param>();
    var all = sym.signature().params();
    for (int i = method ? 1 : 0; i < all.size(); i++) {
      var p = all.get(i);
      params.add(new Param(p.name(), p.type().display(), p.hasDefault(), null));
    }
    String name = sym.module() == null || sym.module().equals("core") || method ? sym.name() : sym.module() + "." + sym.name();
    return new CallTargets(name, params, sym);
  }

  private static Type nonNull(Type t) { return t instanceof Type.OptionalType o ? o.inner() : t; }

  private static List<Param> fields(RecordType r, boolean allOptional) {
    var out = new ArrayList<Param>();
    for (var f : r.fields()) out.add(new Param(f.name(), f.type().display(), allOptional || f.hasDefault(), f.doc()));
    return out;
  }

  /** {@code get(url: String, timeout: Duration = ...)}: the label signature help shows. */
  String signatureLabel() {
    var sb = new StringBuilder(label).append('(');
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(params.get(i).label());
    }
    return sb.append(')').toString();
  }
}
