package aegis.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.ast.Stmt;
import org.junit.jupiter.api.Test;

/** Where syntax errors point and how many a file gets. */
class ErrorLimitsTest {
  private static ParseResult parse(String text) {
    return Parser.parse(SourceFile.virtual("t.aegis", text));
  }

  @Test
  void anErrorAtTheEndOfAnAsciiFilePointsAtItsEnd() {
    String text = "runbook s\nstep \"x\" {\n  let a = (1 +";
    var r = parse(text);
    assertTrue(r.diagnostics().stream().allMatch(d -> d.span().end() <= text.length()),
        () -> DiagnosticRenderer.render(r.diagnostics(), false));
    var last = r.diagnostics().getLast();
    assertEquals(text.length(), last.span().start(), () -> DiagnosticRenderer.render(r.diagnostics(), false));
  }

  @Test
  void afterAHundredSyntaxErrorsTheParserStopsAndSaysWhere() {
    var text = new StringBuilder("runbook s\nlet first = 1\n");
    for (int i = 0; i < 150; i++) text.append("let = ").append(i).append('\n');
    var r = parse(text.toString());
    assertEquals(SyntaxErrorListener.MAX_ERRORS + 1, r.diagnostics().size());
    var stop = r.diagnostics().getLast();
    assertEquals(Code.AEG101, stop.code());
    assertEquals("too many syntax errors: aegis stopped reading the file here", stop.message());
    assertEquals(SyntaxErrorListener.MAX_ERRORS + 3, stop.span().line());
    assertTrue(r.ast().decls().getFirst() instanceof Stmt.Let let && let.name().name().equals("first"),
        "what was read before the stop is kept");
  }
}
