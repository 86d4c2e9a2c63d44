package aegis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.Comment;
import aegis.syntax.ParseResult;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formatter's contract: what it refuses, what it reports, and the layout decisions golden files cannot pin down alone. */
class FormatterTest {
  private static FormatResult format(String text) { return Formatter.format(SourceFile.virtual("t.aegis", text)); }

  private static List<Code> codes(FormatResult r) { return r.diagnostics().stream().map(Diagnostic::code).toList(); }

  @Test
  void refusesAFileWithSyntaxErrorsAndHandsBackItsDiagnostics() {
    String broken = "runbook r\nlet x = (1 +\nlet y = 2\n";
    var r = format(broken);
    assertFalse(r.formatted());
    assertFalse(r.changed());
    assertEquals(broken, r.text());
    assertTrue(codes(r).contains(Code.AEG101), () -> r.diagnostics().toString());
  }

  @Test
  void refusesAFileWithoutHeader() {
    var r = format("let x = 1\n");
    assertFalse(r.formatted());
    assertEquals(List.of(Code.AEG109), codes(r));
  }

  @Test
  void saysWhetherTheTextChanged() {
    var messy = format("runbook r\nlet   x=1\n");
    assertTrue(messy.formatted());
    assertTrue(messy.changed());
    assertEquals("runbook r\n\nlet x = 1\n", messy.text());
    var clean = format(messy.text());
    assertFalse(clean.changed());
    assertEquals(List.of(), clean.diagnostics());
  }

  @Test
  void windowsLineEndsBecomeUnixOnes() {
    String text = "runbook r \"t\"\r\n\r\n// note\r\nlet s = \"\"\"\r\n  a\r\n  b\r\n  \"\"\"\r\n/* two\r\n   lines */\r\n";
    var r = format(text);
    assertTrue(r.formatted(), () -> r.diagnostics().toString());
    assertFalse(r.text().contains("\r"), r.text());
    assertEquals("runbook r \"t\"\n\n// note\nlet s = \"\"\"\n  a\n  b\n  \"\"\"\n/* two\n   lines */\n", r.text());
  }

  @Test
  void aCallThatFillsTheWidthExactlyStaysOnOneLine() {
    // "let x = f(" is 10 columns and ")" one: arguments of 89 columns make a line of exactly 100.
    String args = "a".repeat(43) + ", " + "b".repeat(44);
    String fits = "let x = f(" + args + ")";
    assertEquals(Formatter.WIDTH, fits.length());
    assertEquals("runbook r\n\n" + fits + "\n", format("runbook r\n" + fits).text());

    String tooLong = "let x = f(" + args + "c)";
    assertEquals("runbook r\n\nlet x = f(\n  " + "a".repeat(43) + ",\n  " + "b".repeat(44) + "c,\n)\n",
        format("runbook r\n" + tooLong).text());
  }

  @Test
  void aLineCommentAfterAListItemKeepsTheListBroken() {
    var r = format("runbook r\nlet xs = [1, // one\n2]\n");
    assertEquals("runbook r\n\nlet xs = [\n  1, // one\n  2,\n]\n", r.text());
  }

  @Test
  void twoLineCommentsOwedToOneLineDoNotMerge() {
    // Both comments end up after `a + b` once the lines are joined; the second must not become part of the first.
    var r = format("runbook r\nlet x = a + // one\nb // two\n");
    assertTrue(r.formatted(), () -> r.diagnostics().toString());
    assertEquals("runbook r\n\nlet x = a + b // one\n// two\n", r.text());
  }

  @Test
  void aCommentAfterAnOpeningBracketStaysThere() {
    var r = format("runbook r\nlet x = f( // why\na)\nstep \"s\" { // what\n}\n");
    assertEquals("runbook r\n\nlet x = f( // why\n  a,\n)\n\nstep \"s\" { // what\n}\n", r.text());
  }

  @Test
  void theSafetyNetRefusesWhenACommentWouldBePrintedTwice() {
    var parsed = FormatChecks.parse("t.aegis", "runbook r\n// once\nlet x = 1\n");
    var twice = new ArrayList<>(parsed.comments());
    twice.add(parsed.comments().getFirst());
    var r = Formatter.format(new ParseResult(parsed.ast(), parsed.diagnostics(), twice));
    assertFalse(r.formatted());
    assertEquals(List.of(Code.AEG113), codes(r));
    assertEquals("runbook r\n// once\nlet x = 1\n", r.text());
  }

  @Test
  void theSafetyNetRefusesWhenTheOutputWouldParseDifferently() {
    // A comment list that does not match the text (here: code passed off as a comment) must not
    // produce output: reparsing it gives another tree, and the formatter says so instead.
    String text = "runbook r\nlet x = 1\n";
    var parsed = FormatChecks.parse("t.aegis", text);
    var file = parsed.ast().source();
    int at = text.indexOf("let");
    var fake = new Comment(new Span(file, at, at + 3), "let", false);
    var r = Formatter.format(new ParseResult(parsed.ast(), parsed.diagnostics(), List.of(fake)));
    assertFalse(r.formatted());
    assertEquals(List.of(Code.AEG113), codes(r));
    assertEquals(text, r.text());
  }

  @Test
  void aDocCommentStaysTheDocOfItsDeclaration() {
    String text = "module m\n/// The answer.\n\n// not part of the doc\nlet answer = 42\n";
    var before = FormatChecks.parse("t.aegis", text).ast();
    String once = FormatChecks.formatChecked("t.aegis", text);
    var after = FormatChecks.parse("t.aegis", once).ast();
    assertEquals("The answer.", ((aegis.syntax.ast.Stmt.Let) before.decls().getFirst()).doc());
    assertEquals("The answer.", ((aegis.syntax.ast.Stmt.Let) after.decls().getFirst()).doc());
  }

  @Test
  void aDocCommentAmidCodeStaysWhereItIsAndDocumentsNothingNew() {
    // Moved to the end of its line, the comment would come right before `let b` and become its doc.
    var r = format("runbook r\nlet a = x + /// c\n  y\nlet b = 1\n");
    assertTrue(r.formatted(), () -> r.diagnostics().toString());
    assertEquals("runbook r\n\nlet a = x\n  + /// c\n  y\nlet b = 1\n", r.text());
  }
}
