package aegis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.StringPart;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntaxEquivalenceTest {
  private static aegis.syntax.ast.AegisFile ast(String text) { return FormatChecks.parse("t.aegis", text).ast(); }

  @Test
  void ignoresWhereNodesAreButNothingElse() {
    assertTrue(SyntaxEquivalence.equivalent(ast("runbook r\nlet x = [1, 2]"), ast("runbook  r\n\n\nlet x=[1,2,]")));
    assertEquals(Optional.of("AegisFile.decls[0].value.items[1].value: 2 vs 3"),
        SyntaxEquivalence.difference(ast("runbook r\nlet x = [1, 2]"), ast("runbook r\nlet x = [1, 3]")));
    assertFalse(SyntaxEquivalence.equivalent(ast("runbook r\nlet x = a - (b - c)"), ast("runbook r\nlet x = a - b - c")));
    assertFalse(SyntaxEquivalence.equivalent(ast("runbook r\n/// doc\nlet x = 1"), ast("runbook r\nlet x = 1")));
    assertFalse(SyntaxEquivalence.equivalent(ast("runbook r\nlet x = 1.5"), ast("runbook r\nlet x = 1.25")));
    assertFalse(SyntaxEquivalence.equivalent(ast("runbook r\nlet x = 10m"), ast("runbook r\nlet x = 10s")));
  }

  @Test
  void aStringIsItsTextNotHowItWasCut() {
    var file = SourceFile.virtual("t", "");
    var span = new Span(file, 0, 0);
    var whole = new Expr.StringLit(List.of(new StringPart.Text("ab", span)), false, span);
    var cut = new Expr.StringLit(List.of(new StringPart.Text("a", span), new StringPart.Text("b", span)), false, span);
    var other = new Expr.StringLit(List.of(new StringPart.Text("ab", span)), true, span);
    assertTrue(SyntaxEquivalence.equivalent(whole, cut));
    assertFalse(SyntaxEquivalence.equivalent(whole, other));
  }
}
