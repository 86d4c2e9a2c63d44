package aegis.eval;

import aegis.diagnostics.Code;
import aegis.syntax.Span;
import aegis.syntax.ast.Expr.BinaryOp;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The meaning of the binary operators on values the checker has already typed. {@code &&},
 * {@code ||} and {@code ??} short-circuit and live in the evaluator; everything else is here.
 */
final class Operators {
  private Operators() {}

  static Value apply(BinaryOp op, Value l, Value r, Span span) {
    if (l instanceof Value.Unknown u) return u;
    if (r instanceof Value.Unknown u) return u;
    return switch (op) {
      case EQ -> Value.Bool.of(l.equals(r));
      case NE -> Value.Bool.of(!l.equals(r));
      case LT -> Value.Bool.of(compare(l, r, span) < 0);
      case LE -> Value.Bool.of(compare(l, r, span) <= 0);
      case GT -> Value.Bool.of(compare(l, r, span) > 0);
      case GE -> Value.Bool.of(compare(l, r, span) >= 0);
      case ADD, SUB, MUL, DIV, MOD -> arithmetic(op, l, r, span);
      case AND, OR, COALESCE -> throw new IllegalStateException(op + " is evaluated lazily");
    };
  }

  static int compare(Value l, Value r, Span span) {
    try {
      return Values.compare(l, r);
    } catch (IllegalArgumentException e) {
      throw EvalException.at(span, Code.AEG400, e.getMessage());
    }
  }

  private static Value arithmetic(BinaryOp op, Value l, Value r, Span span) {
    return switch (l) {
      case Value.Int a when r instanceof Value.Int b -> new Value.Int(integer(op, a.value(), b.value(), span));
      case Value.Float a when r instanceof Value.Float b -> new Value.Float(floating(op, a.value(), b.value()));
      case Value.Str a when r instanceof Value.Str b && op == BinaryOp.ADD -> new Value.Str(a.value() + b.value());
      case Value.Dur a when r instanceof Value.Dur b && op == BinaryOp.ADD -> new Value.Dur(a.value().plus(b.value()));
      case Value.Dur a when r instanceof Value.Dur b && op == BinaryOp.SUB -> new Value.Dur(a.value().minus(b.value()));
      case Value.Dur a when r instanceof Value.Int b && op == BinaryOp.MUL -> new Value.Dur(a.value().multipliedBy(b.value()));
      case Value.Dur a when r instanceof Value.Int b && op == BinaryOp.DIV -> {
        if (b.value() == 0) throw EvalException.at(span, Code.AEG400, "division by zero");
        yield new Value.Dur(a.value().dividedBy(b.value()));
      }
      case Value.Qty a when r instanceof Value.Qty b && (op == BinaryOp.ADD || op == BinaryOp.SUB) -> {
        BigDecimal sum = op == BinaryOp.ADD ? a.amount().add(b.amount()) : a.amount().subtract(b.amount());
        yield new Value.Qty(sum, sum.stripTrailingZeros().toPlainString());
      }
      case Value.Qty a when r instanceof Value.Int b && op == BinaryOp.MUL -> {
        BigDecimal product = a.amount().multiply(BigDecimal.valueOf(b.value()), MathContext.DECIMAL128);
        yield new Value.Qty(product, product.stripTrailingZeros().toPlainString());
      }
      default -> throw EvalException.at(span, Code.AEG400,
          "`" + op.symbol + "` does not apply to " + l.show() + " and " + r.show());
    };
  }

  private static long integer(BinaryOp op, long a, long b, Span span) {
    try {
      return switch (op) {
        case ADD -> Math.addExact(a, b);
        case SUB -> Math.subtractExact(a, b);
        case MUL -> Math.multiplyExact(a, b);
        case DIV -> {
          if (b == 0) throw EvalException.at(span, Code.AEG400, "division by zero");
          yield a / b;
        }
        case MOD -> {
          if (b == 0) throw EvalException.at(span, Code.AEG400, "division by zero");
          yield a % b;
        }
        default -> throw new IllegalStateException(op.name());
      };
    } catch (ArithmeticException overflow) {
      throw EvalException.at(span, Code.AEG400, "integer overflow in `" + op.symbol + "`");
    }
  }

  private static double floating(BinaryOp op, double a, double b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case MOD -> a % b;
      default -> throw new IllegalStateException(op.name());
    };
  }
}
