package aegis.format;

import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.FieldDecl;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.ParamSpec;
import aegis.syntax.ast.Stmt;
import aegis.syntax.ast.TypeRef;

/**
 * How tightly expressions bind, hence where the printer puts parentheses back (the tree has none),
 * and which node's printed text begins or ends another's (for placing comments).
 */
final class Precedence {
  /** Unary operators bind tighter than every binary operator (levels 1 to 7), postfix forms tighter still. */
  static final int UNARY = 8;
  static final int POSTFIX = 9;
  private static final int ATOM = 10;

  private Precedence() {}

  /**
   * The level of an expression: {@code if} and lambdas reach as far right as they can, so they are
   * the loosest (as an operand they are always parenthesized, even where the grammar would allow
   * them bare: {@code 1 + (if a then b else c)} reads unambiguously); then the binary operators by
   * {@link Expr.BinaryOp#precedence}; then unary and postfix forms; then atoms.
   */
  static int of(Expr e) {
    return switch (e) {
      case Expr.If i -> 0;
      case Expr.Lambda l -> 0;
      case Expr.Binary b -> b.op().precedence;
      case Expr.Unary u -> UNARY;
      case Expr.Field f -> POSTFIX;
      case Expr.Call c -> POSTFIX;
      case Expr.Index i -> POSTFIX;
      default -> ATOM;
    };
  }

  /**
   * Whether an operand of {@code op} needs parentheses: when it binds more loosely, or as tightly but
   * on the side the operator does not group to ({@code a - (b - c)}, {@code (a ?? b) ?? c}). For
   * clarity, also where precedence alone would do but readers trip: {@code &&} inside {@code ||},
   * {@code ??} next to any other operator, and a comparison inside a comparison, as in
   * {@code (a && b) || c}, {@code (x ?? 0s) < limit}, {@code (a < b) == c}.
   */
  static boolean needsParens(Expr operand, Expr.BinaryOp op, boolean leftSide) {
    int p = of(operand);
    if (p < op.precedence || (p == op.precedence && leftSide == op.rightAssociative())) return true;
    if (!(operand instanceof Expr.Binary inner)) return false;
    var in = inner.op();
    return (op == Expr.BinaryOp.OR && in == Expr.BinaryOp.AND)
        || ((op == Expr.BinaryOp.COALESCE) != (in == Expr.BinaryOp.COALESCE))
        || (isComparison(op) && isComparison(in));
  }

  private static boolean isComparison(Expr.BinaryOp op) {
    return switch (op) {
      case LT, LE, GT, GE, EQ, NE -> true;
      default -> false;
    };
  }

  /**
   * Whether the printed form of {@code parent} begins with that of {@code child} (no keyword,
   * bracket or parenthesis before it): a comment just before one is just before the other.
   */
  static boolean printedFirst(Node parent, Node child) {
    return switch (parent) {
      case Expr.Field f -> f.target() == child && of(f.target()) >= POSTFIX;
      case Expr.Call c -> c.callee() == child && of(c.callee()) >= POSTFIX;
      case Expr.Index i -> i.target() == child && of(i.target()) >= POSTFIX;
      case Expr.Binary b -> b.left() == child && !needsParens(b.left(), b.op(), true);
      case Expr.Lambda l -> l.params().size() == 1 && l.params().getFirst() == child;
      case Arg a -> (a.name() != null ? a.name() : a.value()) == child;
      case Expr.MapEntry e -> e.key() == child;
      case Stmt.ExprStmt s -> s.expr() == child;
      case TypeRef.Named n -> n.path().getFirst() == child;
      case TypeRef.Optional o -> o.inner() == child;
      case FieldDecl f -> f.name() == child;
      case ParamSpec p -> p.name() == child;
      default -> false;
    };
  }

  /** Whether the printed form of {@code parent} ends with that of {@code child}. */
  static boolean printedLast(Node parent, Node child) {
    return switch (parent) {
      case Expr.Field f -> f.field() == child;
      case Expr.Binary b -> b.right() == child && !needsParens(b.right(), b.op(), false);
      case Expr.Unary u -> u.operand() == child && of(u.operand()) >= UNARY;
      case Expr.Lambda l -> l.body() == child;
      case Expr.If i -> i.otherwise() == child;
      case Arg a -> a.value() == child;
      case Expr.MapEntry e -> e.value() == child;
      case Stmt.ExprStmt s -> s.expr() == child;
      case Stmt.Let l -> l.value() == child;
      case Stmt.Check c -> c.message() == child;
      case Stmt.Wait w -> w.timeout() == child;
      case Stmt.Approve a -> a.reason() == child;
      case Stmt.Report r -> r.value() == child;
      case Stmt.Fail f -> f.message() == child;
      case Decl.Window w -> w.window() == child;
      case Decl.Fn f -> f.body() == child;
      case Decl.Param p -> (p.defaultValue() != null ? p.defaultValue() : p.type()) == child;
      case FieldDecl f -> (f.defaultValue() != null ? f.defaultValue() : f.type()) == child;
      case ParamSpec p -> (p.defaultValue() != null ? p.defaultValue() : p.type()) == child;
      case TypeRef.Named n -> n.args().isEmpty() && n.path().getLast() == child;
      case TypeRef.Function f -> f.result() == child;
      default -> false;
    };
  }
}
