package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.eval.Quantities;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.StringPart;
import aegis.types.Type.ListType;
import aegis.types.Type.MapType;
import aegis.types.Type.Prim;
import aegis.types.Type.TypeVar;
import java.util.List;

/** Literals whose type depends on what is expected: units, lists, maps; and strings with interpolation. */
final class Literals {
  private final ExprChecker exprs;
  private final FileContext fc;

  Literals(ExprChecker exprs) {
    this.exprs = exprs;
    this.fc = exprs.fc;
  }

  /**
   * {@code 10m} is a Duration unless a Quantity is expected; {@code 4Gi} is always a Quantity. The
   * parser has already rejected unknown units.
   */
  Type unit(Expr.UnitLit u, Type expected) {
    boolean duration = Quantities.isDurationUnit(u.unit());
    boolean quantity = Quantities.isQuantitySuffix(u.unit());
    return quantity && (!duration || ExprChecker.hint(expected) == Prim.QUANTITY) ? Prim.QUANTITY : Prim.DURATION;
  }

  /** A string; each interpolated value must be printable and never a Secret. */
  Type string(Expr.StringLit s, Ctx ctx) {
    for (var part : s.parts()) {
      if (!(part instanceof StringPart.Interpolation ip)) continue;
      Type t = exprs.check(ip.expr(), null, ctx);
      if (Types.containsSecret(t)) {
        fc.add(Diagnostic.of(Code.AEG208, ip.expr().span())
            .withHint("pass the Secret on its own to a parameter of type `Secret` instead"));
      } else if (t instanceof Type.UnitType) {
        fc.error(Code.AEG202, ip.expr().span(), FileContext.describe(ip.expr()) + " returns nothing; there is nothing to interpolate");
      } else if (t instanceof Type.FunctionType || t instanceof Type.ModuleType) {
        fc.error(Code.AEG202, ip.expr().span(), Types.a(t) + " cannot be interpolated into a string");
      }
    }
    return Prim.STRING;
  }

  /** {@code [a, b]}: the element type comes from the expected type, else from the elements. */
  Type list(Expr.ListLit l, Type expected, Ctx ctx) {
    Type element = ExprChecker.hint(expected) instanceof ListType lt ? lt.element() : null;
    Type inferred = elements(l.items(), element, ctx, "a list element");
    if (inferred == null) {
      if (element != null) return new ListType(element);
      fc.error(Code.AEG222, l.span(), "cannot infer the element type of an empty list",
          "say what it holds, e.g. `let xs: List<String> = []`");
      return Type.ERROR;
    }
    return Types.isError(inferred) ? Type.ERROR : new ListType(inferred);
  }

  /** {@code {"k": v}}: keys are strings; the value type comes from the expected type, else from the values. */
  Type map(Expr.MapLit m, Type expected, Ctx ctx) {
    Type value = ExprChecker.hint(expected) instanceof MapType mt ? mt.value() : null;
    for (var e : m.entries()) exprs.expect(e.key(), Prim.STRING, ctx, "a map key");
    Type inferred = elements(m.entries().stream().map(Expr.MapEntry::value).toList(), value, ctx, "a map value");
    if (inferred == null) {
      if (value != null) return new MapType(value);
      fc.error(Code.AEG222, m.span(), "cannot infer the value type of an empty map",
          "say what it holds, e.g. `let labels: Map<String, String> = {}`");
      return Type.ERROR;
    }
    return Types.isError(inferred) ? Type.ERROR : new MapType(inferred);
  }

  /**
   * The common type of list elements or map values: {@code expected} when known (each item is
   * checked against it), else the first item's type, widened to {@code T?} by {@code null}s.
   * Null when there are no items (or only nulls) and nothing is expected.
   */
  private Type elements(List<Expr> items, Type expected, Ctx ctx, String what) {
    boolean known = expected != null && !Types.containsVar(expected);
    if (known) {
      for (var item : items) exprs.expect(item, expected, ctx, what);
      return expected;
    }
    Type common = null;
    boolean nullable = false;
    for (var item : items) {
      Type t = exprs.check(item, common != null ? common : expected, ctx);
      if (t == Type.NULL) {
        nullable = true;
      } else if (common == null || Types.isError(common)) {
        common = t;
      } else if (Types.assignable(common, t)) {
        common = t;
      } else if (!Types.assignable(t, common)) {
        exprs.mismatch(item, t, common, what);
      }
    }
    if (common == null) return expected instanceof TypeVar ? expected : null;
    if (common instanceof Type.UnitType) {
      fc.error(Code.AEG202, items.getFirst().span(), FileContext.describe(items.getFirst()) + " returns nothing");
      return Type.ERROR;
    }
    return nullable ? Types.optional(common) : common;
  }
}
