package aegis.lsp;

import aegis.eval.Durations;
import aegis.eval.Quantities;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.Stmt;
import aegis.types.Type;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * Hover: for a name, what the checker resolved it to (declaration, type, docs and, for built-ins,
 * the effect from their stdlib declaration); for any other expression, its type; for a duration or
 * quantity literal, its value in normal form; for a step's name, the step's effect.
 */
public final class HoverFeature {
  public Hover hover(Analysis a, Position position) {
    int offset = Positions.offset(a.source(), position);
    var at = SymbolAt.find(a, offset);
    if (at != null) return hover(SymbolDocs.markdown(at.symbol()), at.name());
    List<Node> path = NodeFinder.path(a.ast(), offset);
    for (int i = path.size() - 1; i >= 0; i--) {
      var node = path.get(i);
      if (node instanceof Expr.StringLit s && i > 0 && path.get(i - 1) instanceof Stmt.Step step && step.name() == s) {
        return hover(SymbolDocs.code("step " + s.span().text()) + "\n" + SymbolDocs.effect(a.program().effectOf(step)) + "\n",
            s.span());
      }
      if (node instanceof Expr e && !(node instanceof Expr.Error)) {
        Type t = a.program().typeOf(e);
        if (t instanceof Type.ErrorType) return null;
        if (e instanceof Expr.UnitLit u) return hover(SymbolDocs.code(u.text() + ": " + t.display()) + "\n" + normalForm(u, t), u.span());
        return hover(SymbolDocs.code(oneLine(e.span().text()) + ": " + t.display()), e.span());
      }
    }
    return null;
  }

  /** {@code 90m} is 1h30m, {@code 2000m} is 2, {@code 4Gi} is 4294967296. */
  static String normalForm(Expr.UnitLit u, Type t) {
    try {
      if (t == Type.DURATION) {
        var d = Quantities.duration(u.value(), u.unit());
        return "= " + Durations.format(d) + " = " + new BigDecimal(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString()
            + " seconds\n";
      }
      if (t == Type.QUANTITY) {
        var q = Quantities.quantity(u.value(), u.unit());
        return "= " + q.amount().toPlainString() + (u.unit().endsWith("i") ? " bytes" : "") + "\n";
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      return "";
    }
    return "";
  }

  private static String oneLine(String text) {
    var oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }

  private static Hover hover(String markdown, aegis.syntax.Span span) {
    return new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown), Positions.range(span));
  }
}
