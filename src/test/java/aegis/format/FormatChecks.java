package aegis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.ParseResult;
import aegis.syntax.Parser;
import aegis.syntax.SourceFile;

/** The properties every formatted file must have, shared by the golden, round-trip and property tests. */
final class FormatChecks {
  private FormatChecks() {}

  static ParseResult parse(String name, String text) { return Parser.parse(SourceFile.virtual(name, text)); }

  /** Formats {@code text} and checks that the result means the same, keeps every comment and is a fixed point. */
  static String formatChecked(String name, String text) {
    var parsed = parse(name, text);
    assertFalse(parsed.hasErrors(), () -> name + " does not parse:\n" + DiagnosticRenderer.render(parsed.diagnostics(), false));
    var result = Formatter.format(parsed);
    assertTrue(result.formatted(), () -> name + " was not formatted:\n" + DiagnosticRenderer.render(result.diagnostics(), false)
        + "\n--- input\n" + text);
    String once = result.text();

    var reparsed = parse(name, once);
    assertFalse(reparsed.hasErrors(), () -> name + " formatted does not parse:\n"
        + DiagnosticRenderer.render(reparsed.diagnostics(), false) + "\n" + once);
    var difference = SyntaxEquivalence.difference(parsed.ast(), reparsed.ast());
    assertTrue(difference.isEmpty(), () -> name + " parses differently once formatted: " + difference.orElse("") + "\n" + once);
    assertEquals(parsed.comments().size(), reparsed.comments().size(), () -> name + ": comments lost or added\n" + once);
    assertEquals(Formatter.texts(parsed.comments()), Formatter.texts(reparsed.comments()), () -> name + ": comments changed\n" + once);

    var twice = Formatter.format(reparsed);
    assertTrue(twice.formatted(), () -> name + " formatted could not be formatted again");
    assertEquals(once, twice.text(), () -> name + ": formatting is not idempotent");
    assertFalse(twice.changed(), () -> name + ": formatting twice changed the text");
    return once;
  }
}
