package aegis.syntax.ast;

import aegis.syntax.Span;
import java.math.BigDecimal;
import java.util.List;

/** An expression. Parentheses leave no node: the formatter puts back the ones precedence needs. */
public sealed interface Expr extends Node {

  record IntLit(long value, Span span) implements Expr {}

  record FloatLit(double value, Span span) implements Expr {}

  /**
   * A number with a unit: {@code 30s}, {@code 10m}, {@code 2000m}, {@code 4Gi}. Whether it is a
   * Duration or a Quantity is decided by the checker ({@code m} is minutes or millicores by context).
   */
  record UnitLit(String number, String unit, Span span) implements Expr {
    /**
     * {@code number} is the decimal written, in plain form: no {@code _}, no leading zeros. It is
     * kept as text because a cold {@code aegis check} never needs its value, and the first
     * {@code BigDecimal} of a JVM costs its class initializer (about 10 ms on JDK 25).
     */

    public BigDecimal value() { return new BigDecimal(number); }

    public String text() { return number + unit; }
  }

  record BoolLit(boolean value, Span span) implements Expr {}

  record NullLit(Span span) implements Expr {}

  /** A string, possibly with {@code ${...}} parts; {@code multiline} for {@code """...""" }. */
  record StringLit(List<StringPart> parts, boolean multiline, Span span) implements Expr {
    public StringLit { parts = List.copyOf(parts); }

    /** True when there is no interpolation. */
    public boolean isConstant() { return parts.stream().allMatch(p -> p instanceof StringPart.Text); }

    /** The text of a constant string (interpolations are left out). */
    public String constantText() {
      var sb = new StringBuilder();
      for (var p : parts) if (p instanceof StringPart.Text t) sb.append(t.text());
      return sb.toString();
    }
  }

  /** A name: a let, a param, a loop variable, a module, a type, a function. */
  record Name(String name, Span span) implements Expr {}

  /** {@code target.field}, or {@code target?.field} when {@code safe}. */
  record Field(Expr target, Ident field, boolean safe, Span span) implements Expr {}

  record Call(Expr callee, List<Arg> args, Span span) implements Expr {
    public Call { args = List.copyOf(args); }
  }

  record Index(Expr target, Expr index, Span span) implements Expr {}

  enum UnaryOp {
    NOT("!"), NEG("-");
    public final String symbol;
    UnaryOp(String symbol) { this.symbol = symbol; }
  }

  record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}

  /** Binary operators with their precedence: higher binds tighter. */
  enum BinaryOp {
    MUL("*", 7), DIV("/", 7), MOD("%", 7),
    ADD("+", 6), SUB("-", 6),
    COALESCE("??", 5),
    LT("<", 4), LE("<=", 4), GT(">", 4), GE(">=", 4),
    EQ("==", 3), NE("!=", 3),
    AND("&&", 2),
    OR("||", 1);

    public final String symbol;
    public final int precedence;

    BinaryOp(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    /** {@code ??} groups to the right; everything else to the left. */
    public boolean rightAssociative() { return this == COALESCE; }
  }

  record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}

  /** {@code if c then a else b} */
  record If(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {}

  /** {@code p -> p.ready} or {@code (a, b) -> a + b} */
  record Lambda(List<Ident> params, Expr body, Span span) implements Expr {
    public Lambda { params = List.copyOf(params); }
  }

  record ListLit(List<Expr> items, Span span) implements Expr {
    public ListLit { items = List.copyOf(items); }
  }

  record MapEntry(Expr key, Expr value, Span span) implements Node {}

  record MapLit(List<MapEntry> entries, Span span) implements Expr {
    public MapLit { entries = List.copyOf(entries); }
  }

  /** Stands where the parser could not make sense of the input; the error is already reported. */
  record Error(Span span) implements Expr {}
}
