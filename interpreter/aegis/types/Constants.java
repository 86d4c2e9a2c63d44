package aegis.types;

import aegis.syntax.ast.Expr;

/** Conditions whose value is known without running anything ({@code true}, {@code !false}): they make code unreachable. */
final class Constants {
  private Constants() {}

  /** The value of a constant boolean expression, or null when it is not constant. */
  static Boolean bool(Expr e) {
    return switch (e) {
      case Expr.BoolLit b -> b.value();
      case Expr.Unary u when u.op() == Expr.UnaryOp.NOT -> {
        var inner = bool(u.operand());
        yield inner == null ? null : !inner;
      }
      default -> null;
    };
  }
}
