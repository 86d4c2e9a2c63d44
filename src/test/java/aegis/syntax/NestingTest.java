package aegis.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.types.CheckedProgram;
import aegis.types.Checker;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Input nested far past what people write (generated, or fuzzed) is one AEG112 diagnostic with a
 * position, from the parser and from the checker: never a StackOverflowError, never an AEG299.
 */
class NestingTest {
  private static final String HEADER = "runbook deep \"Deep\"\n";
  private static final int HUGE = 50_000;

  private static SourceFile file(String body) {
    return SourceFile.virtual("deep.aegis", HEADER + body + "\n");
  }

  private static List<Diagnostic> deepProblems(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(d -> d.code() == Code.AEG112).toList();
  }

  /**
   * Shapes that recurse once per level in some pass: brackets, and chains that have none. Each is
   * {@code n} levels deep; a string in an interpolation and an `if` with its block are two each.
   */
  private static Stream<Object[]> shapes(int n) {
    return Stream.of(
        new Object[] {"parentheses", "let v = " + "(".repeat(n) + "1" + ")".repeat(n)},
        new Object[] {"lists", "let v = " + "[".repeat(n) + "]".repeat(n)},
        new Object[] {"maps", "let v = " + "{\"k\": ".repeat(n) + "1" + "}".repeat(n)},
        new Object[] {"interpolations", "let v = " + "\"${".repeat(n / 2) + "1" + "}\"".repeat(n / 2)},
        new Object[] {"blocks", "if true { ".repeat(n / 2) + "}".repeat(n / 2)},
        new Object[] {"negations", "let v = " + "!".repeat(n) + "true"},
        new Object[] {"minus signs", "let v = " + "- ".repeat(n) + "1"},
        new Object[] {"coalescing", "let v = " + "null ?? ".repeat(n) + "1"},
        new Object[] {"lambdas", "let v = " + "x -> ".repeat(n) + "1"},
        new Object[] {"if expressions", "let v = " + "if true then 1 else ".repeat(n) + "1"},
        new Object[] {"else if", "if true { } else ".repeat(n / 2) + "{ }"},
        new Object[] {"sums", "let v = 1" + " + 1".repeat(n)},
        new Object[] {"field chains", "let v = x" + ".a".repeat(n)},
        new Object[] {"calls", "let v = f" + "()".repeat(n)},
        new Object[] {"types", "param p: " + "List<".repeat(n) + "Int" + ">".repeat(n)});
  }

  @TestFactory
  Stream<DynamicTest> hugeNestingIsOnePositionedDiagnostic() {
    return shapes(HUGE).map(shape -> DynamicTest.dynamicTest((String) shape[0], () -> {
      var source = file((String) shape[1]);
      var parsed = Parser.parse(source);
      var deep = deepProblems(parsed.diagnostics());
      assertEquals(1, deep.size(), () -> DiagnosticRenderer.render(parsed.diagnostics(), false));
      var span = deep.getFirst().span();
      assertTrue(span.start() >= HEADER.length() && span.end() <= source.text().length(), span::toString);
      assertTrue(deep.getFirst().message().contains("nest too deeply"), deep.getFirst().message());

      CheckedProgram checked = Checker.standard().check(source);
      assertEquals(1, deepProblems(checked.diagnostics()).size(), () -> DiagnosticRenderer.render(checked.diagnostics(), false));
      assertTrue(checked.diagnostics().stream().noneMatch(d -> d.code() == Code.AEG299),
          () -> DiagnosticRenderer.render(checked.diagnostics(), false));
    }));
  }

  @Test
  void theDiagnosticPointsAtTheFirstBracketPastTheLimit() {
    var source = file("let v = " + "(".repeat(HUGE) + "1" + ")".repeat(HUGE));
    var d = deepProblems(Parser.parse(source).diagnostics()).getFirst();
    int first = source.text().indexOf('(');
    assertEquals(first + Nesting.MAX, d.span().start());
    assertEquals(1, d.span().length());
    assertEquals("brackets and strings nest too deeply here: aegis reads up to 256 levels", d.message());
  }

  /**
   * Just under the limit is read as usual, and the checker copes with it on a thread with the JVM's
   * default stack (1 MiB): the limit is what keeps every pass after the parser safe.
   */
  @TestFactory
  Stream<DynamicTest> nestingUnderTheLimitIsReadAndChecked() {
    return shapes(Nesting.MAX - 16).map(shape -> DynamicTest.dynamicTest((String) shape[0], () -> {
      var source = file((String) shape[1]);
      var result = new AtomicReference<Object>();
      var thread = new Thread(null, () -> {
        try {
          result.set(List.of(Parser.parse(source), Checker.standard().check(source)));
        } catch (Throwable t) {
          result.set(t);
        }
      }, "default-stack", 1024 * 1024);
      thread.start();
      thread.join();
      if (result.get() instanceof Throwable t) throw new AssertionError("threw on a 1 MiB stack", t);
      var both = (List<?>) result.get();
      var parsed = (ParseResult) both.get(0);
      var checked = (CheckedProgram) both.get(1);
      assertEquals(List.of(), deepProblems(parsed.diagnostics()), () -> DiagnosticRenderer.render(parsed.diagnostics(), false));
      assertTrue(checked.diagnostics().stream().noneMatch(d -> d.code() == Code.AEG299 || d.code() == Code.AEG112),
          () -> DiagnosticRenderer.render(checked.diagnostics(), false));
    }));
  }
}
