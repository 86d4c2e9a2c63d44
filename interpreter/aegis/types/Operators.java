package aegis.types;

import aegis.diagnostics.Code;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Expr.BinaryOp;
import aegis.types.Type.OptionalType;
import aegis.types.Type.Prim;

/**
 * Unary and binary operators, per the language reference: arithmetic on numbers of one type,
 * {@code +} on strings and durations, {@code Duration * Int}, comparisons, boolean logic and {@code ??}.
 */
final class Operators {
  private final ExprChecker exprs;
  private final FileContext fc;

  Operators(ExprChecker exprs) {
    this.exprs = exprs;
    this.fc = exprs.fc;
  }

  Type unary(Expr.Unary u, Type expected, Ctx ctx) {
    if (u.op() == Expr.UnaryOp.NOT) {
      exprs.expect(u.operand(), Prim.BOOL, ctx, "the operand of `!`");
      return Prim.BOOL;
    }
    Type t = exprs.check(u.operand(), ExprChecker.hint(expected), ctx);
    if (Types.isError(t) || t == Prim.INT || t == Prim.FLOAT || t == Prim.DURATION) return t;
    if (optional(u.operand(), t)) return Type.ERROR;
    fc.error(Code.AEG202, u.span(), "`-` needs an `Int` or a `Float`, not `" + t.display() + "`");
    return Type.ERROR;
  }

  Type binary(Expr.Binary b, Type expected, Ctx ctx) {
    return switch (b.op()) {
      case AND, OR -> {
        exprs.expect(b.left(), Prim.BOOL, ctx, "the left side of `" + b.op().symbol + "`");
        exprs.expect(b.right(), Prim.BOOL, ctx, "the right side of `" + b.op().symbol + "`");
        yield Prim.BOOL;
      }
      case COALESCE -> coalesce(b, expected, ctx);
      case EQ, NE -> equality(b, ctx);
      case LT, LE, GT, GE -> ordering(b, ctx);
      case ADD, SUB, MUL, DIV, MOD -> arithmetic(b, expected, ctx);
    };
  }

  /** {@code x ?? fallback}: {@code x} must be optional; the result is the fallback's nullability. */
  private Type coalesce(Expr.Binary b, Type expected, Ctx ctx) {
    Type left = exprs.check(b.left(), expected == null ? null : Types.optional(expected), ctx);
    if (Types.isError(left)) {
      exprs.check(b.right(), expected, ctx);
      return Type.ERROR;
    }
    if (left == Type.NULL) return exprs.check(b.right(), expected, ctx);
    if (!(left instanceof OptionalType o)) {
      fc.error(Code.AEG202, b.left().span(), FileContext.describe(b.left()) + " is " + Types.a(left)
          + ", which is never null; `??` is for optional values");
      exprs.check(b.right(), left, ctx);
      return left;
    }
    Type inner = o.inner();
    Type right = exprs.check(b.right(), expected != null ? expected : inner, ctx);
    if (Types.assignable(right, inner)) return inner;
    if (Types.assignable(right, o)) return o;
    exprs.mismatch(b.right(), right, inner, "the fallback of `??`");
    return inner;
  }

  private Type equality(Expr.Binary b, Ctx ctx) {
    var pair = pair(b, ctx);
    Type l = pair[0];
    Type r = pair[1];
    if (Types.isError(l) || Types.isError(r)) return Prim.BOOL;
    if (Types.containsSecret(l) || Types.containsSecret(r)) {
      fc.report(Code.AEG210, b.span());
      return Prim.BOOL;
    }
    boolean comparable = Types.isValue(l) && Types.isValue(r) && !(l instanceof Type.FunctionType)
        && (Types.assignable(l, r) || Types.assignable(r, l));
    if (!comparable) {
      fc.error(Code.AEG202, b.span(), "`" + b.op().symbol + "` compares values of the same type; these are `"
          + l.display() + "` and `" + r.display() + "`");
    }
    return Prim.BOOL;
  }

  private Type ordering(Expr.Binary b, Ctx ctx) {
    var pair = pair(b, ctx);
    Type l = pair[0];
    Type r = pair[1];
    if (Types.isError(l) || Types.isError(r)) return Prim.BOOL;
    if (Types.containsSecret(l) || Types.containsSecret(r)) {
      fc.report(Code.AEG210, b.span());
      return Prim.BOOL;
    }
    if (optional(b.left(), l) || optional(b.right(), r)) return Prim.BOOL;
    if (!l.equals(r) || !Types.isOrdered(l)) {
      fc.error(Code.AEG202, b.span(), "`" + b.op().symbol
          + "` compares two numbers, durations, quantities or strings of the same type; these are `" + l.display()
          + "` and `" + r.display() + "`");
    }
    return Prim.BOOL;
  }

  private Type arithmetic(Expr.Binary b, Type expected, Ctx ctx) {
    Type hint = ExprChecker.hint(expected);
    if (!(hint instanceof Prim)) hint = null;
    Type l;
    Type r;
    if (contextual(b.left()) && !contextual(b.right())) {
      r = exprs.check(b.right(), hint, ctx);
      l = exprs.check(b.left(), partner(b.op(), r), ctx);
    } else {
      l = exprs.check(b.left(), hint, ctx);
      r = exprs.check(b.right(), partner(b.op(), Types.isError(l) ? hint : l), ctx);
    }
    if (Types.isError(l) || Types.isError(r)) return Type.ERROR;
    if (optional(b.left(), l) || optional(b.right(), r)) return Type.ERROR;
    if (Types.containsSecret(l) || Types.containsSecret(r)) {
      fc.error(Code.AEG209, b.span(), "a Secret cannot be combined with `" + b.op().symbol + "`: it would disclose it");
      return Type.ERROR;
    }
    Type result = result(b.op(), l, r);
    if (result != null) return result;
    var hints = (l == Prim.INT && r == Prim.FLOAT) || (l == Prim.FLOAT && r == Prim.INT)
        ? new String[] {"convert the `Int` with `toFloat(...)`"} : new String[0];
    fc.error(Code.AEG202, b.span(), "`" + b.op().symbol + "` cannot combine `" + l.display() + "` and `"
        + r.display() + "`", hints);
    return Type.ERROR;
  }

  /** What the right operand is expected to be, given the left's type. */
  private static Type partner(BinaryOp op, Type left) {
    if (op == BinaryOp.MUL && left == Prim.DURATION) return Prim.INT;
    return left;
  }

  private static Type result(BinaryOp op, Type l, Type r) {
    boolean same = l.equals(r);
    boolean number = same && (l == Prim.INT || l == Prim.FLOAT);
    return switch (op) {
      case ADD -> number || (same && (l == Prim.STRING || l == Prim.DURATION)) ? l : null;
      case SUB -> number || (same && l == Prim.DURATION) ? l : null;
      case MUL -> number ? l
          : (l == Prim.DURATION && r == Prim.INT) || (l == Prim.INT && r == Prim.DURATION) ? Prim.DURATION : null;
      case DIV, MOD -> number ? l : null;
      default -> null;
    };
  }

  /**
   * Both operands of a comparison, each checked with the other's type as a hint; a literal whose
   * meaning depends on context ({@code 10m}, {@code null}) is checked second.
   */
  private Type[] pair(Expr.Binary b, Ctx ctx) {
    if (contextual(b.left()) && !contextual(b.right())) {
      Type r = exprs.check(b.right(), null, ctx);
      return new Type[] {exprs.check(b.left(), Types.isError(r) ? null : r, ctx), r};
    }
    Type l = exprs.check(b.left(), null, ctx);
    return new Type[] {l, exprs.check(b.right(), Types.isError(l) ? null : l, ctx)};
  }

  private static boolean contextual(Expr e) {
    return switch (e) {
      case Expr.IntLit i -> true;
      case Expr.FloatLit f -> true;
      case Expr.UnitLit u -> true;
      case Expr.NullLit n -> true;
      case Expr.ListLit l -> l.items().isEmpty();
      case Expr.MapLit m -> m.entries().isEmpty();
      case Expr.Lambda l -> true;
      default -> false;
    };
  }

  /** Reports an optional operand of an operator that needs a value. */
  private boolean optional(Expr e, Type t) {
    if (!(t instanceof OptionalType) && t != Type.NULL) return false;
    fc.error(Code.AEG214, e.span(), Code.AEG214.format(FileContext.describe(e)));
    return true;
  }
}
