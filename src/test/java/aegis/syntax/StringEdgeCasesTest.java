package aegis.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Stmt;
import aegis.syntax.ast.StringPart;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strings at their edges: quotes at the end of a multi-line string, and strings that are not there. */
class StringEdgeCasesTest {
  private static ParseResult parse(String text) {
    return Parser.parse(SourceFile.virtual("t.aegis", text));
  }

  private static Expr.StringLit onlyLetValue(ParseResult r) {
    assertEquals(List.of(), r.diagnostics(), () -> DiagnosticRenderer.render(r.diagnostics(), false));
    return (Expr.StringLit) ((Stmt.Let) r.ast().decls().getFirst()).value();
  }

  @Test
  void aMultiLineStringMayEndInAQuote() {
    var s = onlyLetValue(parse("runbook s\nlet q = \"\"\"say \"hi\"\"\"\"\n"));
    assertEquals("say \"hi\"", s.constantText());
  }

  @Test
  void aMultiLineStringMayEndInTwoQuotes() {
    var s = onlyLetValue(parse("runbook s\nlet q = \"\"\"empty: \"\"\"\"\"\nlet n = 1\n"));
    assertEquals("empty: \"\"", s.constantText());
  }

  @Test
  void quotesBeforeTheClosingLineOfAnIndentedStringAreText() {
    var s = onlyLetValue(parse("runbook s\nlet q = \"\"\"\n    echo \"done\"\n    \"\"\"\n"));
    assertEquals("echo \"done\"", s.constantText());
  }

  @Test
  void quotesInTheMiddleAndAnInterpolationAtTheEndStillWork() {
    var r = parse("runbook s\nlet who = \"x\"\nlet q = \"\"\"a \"\" b \"${who}\"\"\"\"\n");
    assertEquals(List.of(), r.diagnostics(), () -> DiagnosticRenderer.render(r.diagnostics(), false));
    var s = (Expr.StringLit) ((Stmt.Let) r.ast().decls().get(1)).value();
    assertEquals(3, s.parts().size());
    assertEquals("a \"\" b \"", ((StringPart.Text) s.parts().getFirst()).text());
    assertEquals("\"", ((StringPart.Text) s.parts().getLast()).text());
  }

  @Test
  void aNumberWhereATitleBelongsIsOneSyntaxErrorNotAnUnclosedString() {
    var r = parse("runbook s\nstep \"one\" {\n  report 42\n}\n");
    var codes = r.diagnostics().stream().map(Diagnostic::code).toList();
    assertEquals(List.of(Code.AEG101), codes, () -> DiagnosticRenderer.render(r.diagnostics(), false));
    assertEquals("unexpected `42`", r.diagnostics().getFirst().message());
  }

  @Test
  void anUnclosedStringIsStillReportedAsOne() {
    var r = parse("runbook s\nstep \"one\" {\n  report \"open\n  fail \"x\"\n}\n");
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.code() == Code.AEG102),
        () -> DiagnosticRenderer.render(r.diagnostics(), false));
  }
}
