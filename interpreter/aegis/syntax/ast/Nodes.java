package aegis.syntax.ast;

import java.util.ArrayList;
import java.util.List;

/** Generic walks over the syntax tree. */
public final class Nodes {
  private Nodes() {}

  /** Direct children of a node, in source order. */
  public static List<Node> children(Node node) {
    var out = new ArrayList<Node>();
    switch (node) {
      case AegisFile f -> { add(out, f.header()); out.addAll(f.imports()); out.addAll(f.decls()); }
      case Header.Runbook h -> { add(out, h.name()); add(out, h.title()); }
      case Header.Module h -> add(out, h.name());
      case Header.Environment h -> add(out, h.name());
      case ImportDecl.Module i -> { add(out, i.module()); add(out, i.explicitAlias()); }
      case ImportDecl.File i -> { add(out, i.path()); add(out, i.explicitAlias()); }
      case Decl.Param p -> { add(out, p.name()); add(out, p.type()); add(out, p.defaultValue()); }
      case Decl.Window w -> add(out, w.window());
      case Decl.OnFailure o -> add(out, o.body());
      case Decl.Finally f -> add(out, f.body());
      case Decl.Record r -> { add(out, r.name()); out.addAll(r.fields()); }
      case Decl.Enum e -> { add(out, e.name()); out.addAll(e.members()); }
      case Decl.ExternFn e -> { add(out, e.name()); out.addAll(e.typeParams()); out.addAll(e.params()); add(out, e.returnType()); }
      case Decl.Fn f -> {
        add(out, f.name()); out.addAll(f.typeParams()); out.addAll(f.params()); add(out, f.returnType()); add(out, f.body());
      }
      case FieldDecl f -> { add(out, f.name()); add(out, f.type()); add(out, f.defaultValue()); }
      case ParamSpec p -> { add(out, p.name()); add(out, p.type()); add(out, p.defaultValue()); }
      case TypeRef.Named n -> { out.addAll(n.path()); out.addAll(n.args()); }
      case TypeRef.Function fn -> { out.addAll(fn.params()); add(out, fn.result()); }
      case TypeRef.Optional o -> add(out, o.inner());
      case Stmt.Block b -> out.addAll(b.stmts());
      case Stmt.Let l -> { add(out, l.name()); add(out, l.type()); add(out, l.value()); }
      case Stmt.Step s -> { add(out, s.name()); out.addAll(s.options()); add(out, s.body()); }
      case Stmt.For f -> {
        add(out, f.variable()); add(out, f.iterable()); if (f.parallel() != null) out.addAll(f.parallel()); add(out, f.body());
      }
      case Stmt.If i -> { add(out, i.condition()); add(out, i.then()); add(out, i.otherwise()); }
      case Stmt.Check c -> { add(out, c.condition()); add(out, c.message()); }
      case Stmt.Wait w -> { add(out, w.condition()); add(out, w.interval()); add(out, w.timeout()); }
      case Stmt.Approve a -> add(out, a.reason());
      case Stmt.Run r -> { add(out, r.runbook()); out.addAll(r.args()); }
      case Stmt.Report r -> { add(out, r.title()); add(out, r.value()); }
      case Stmt.Fail f -> add(out, f.message());
      case Stmt.ExprStmt e -> add(out, e.expr());
      case StepOption.Timeout t -> add(out, t.duration());
      case StepOption.Retry r -> out.addAll(r.args());
      case Arg a -> { add(out, a.name()); add(out, a.value()); }
      case Expr.MapEntry e -> { add(out, e.key()); add(out, e.value()); }
      case StringPart.Text t -> { }
      case StringPart.Interpolation i -> add(out, i.expr());
      case Ident i -> { }
      case Expr.IntLit e -> { }
      case Expr.FloatLit e -> { }
      case Expr.UnitLit e -> { }
      case Expr.BoolLit e -> { }
      case Expr.NullLit e -> { }
      case Expr.Error e -> { }
      case Expr.Name e -> { }
      case Expr.StringLit s -> out.addAll(s.parts());
      case Expr.Field f -> { add(out, f.target()); add(out, f.field()); }
      case Expr.Call c -> { add(out, c.callee()); out.addAll(c.args()); }
      case Expr.Index i -> { add(out, i.target()); add(out, i.index()); }
      case Expr.Unary u -> add(out, u.operand());
      case Expr.Binary b -> { add(out, b.left()); add(out, b.right()); }
      case Expr.If i -> { add(out, i.condition()); add(out, i.then()); add(out, i.otherwise()); }
      case Expr.Lambda l -> { out.addAll(l.params()); add(out, l.body()); }
      case Expr.ListLit l -> out.addAll(l.items());
      case Expr.MapLit m -> out.addAll(m.entries());
    }
    return out;
  }

  private static void add(List<Node> out, Node n) {
    if (n != null) out.add(n);
  }

  /** Every node below (and including) {@code root}, depth first, in source order. */
  public static List<Node> descendants(Node root) {
    var out = new ArrayList<Node>();
    var stack = new ArrayList<Node>();
    stack.add(root);
    while (!stack.isEmpty()) {
      var n = stack.removeLast();
      out.add(n);
      var kids = n.children();
      for (int i = kids.size() - 1; i >= 0; i--) stack.add(kids.get(i));
    }
    return out;
  }
}
