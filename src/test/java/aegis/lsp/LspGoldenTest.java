package aegis.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Completion and hover golden files: each {@code golden/lsp/completion-*.aegis} and
 * {@code hover-*.aegis} holds a {@code $0} cursor marker; the file (marker removed) is opened in a
 * server whose workspace is {@code golden/lsp/} and the answer at the marker, rendered as text, must
 * equal {@code <name>.expected}. Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class LspGoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden/lsp").toAbsolutePath();
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static LspSession lsp;

  @BeforeAll
  static void start() { lsp = LspSession.in(ROOT); }

  @AfterAll
  static void stop() { lsp.close(); }

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    try (var files = Files.list(ROOT)) {
      var inputs = files.filter(p -> p.getFileName().toString().matches("(completion|hover)-.*\\.aegis")).sorted().toList();
      assertTrue(inputs.size() >= 15, "only " + inputs.size() + " golden inputs");
      return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> run(p)));
    }
  }

  private static void run(Path input) throws IOException {
    var marked = Files.readString(input);
    int marker = marked.indexOf("$0");
    assertTrue(marker >= 0, input + " has no $0 marker");
    var text = marked.substring(0, marker) + marked.substring(marker + 2);
    var uri = lsp.open(input, text);
    var position = Positions.position(aegis.syntax.SourceFile.virtual("t", text), marker);
    String actual = input.getFileName().toString().startsWith("completion-")
        ? completion(uri, position, text, marker) : hover(uri, position);
    var expectedFile = input.resolveSibling(input.getFileName().toString().replace(".aegis", ".expected"));
    if (UPDATE) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.exists(expectedFile) ? Files.readString(expectedFile) : "<no .expected file: run with -Dgolden.update=true>";
    assertEquals(expected, actual, input.toString());
  }

  private static String completion(String uri, org.eclipse.lsp4j.Position position, String text, int offset) {
    var answer = lsp.completion(uri, position);
    var a = lsp.impl.analyzer().get(uri);
    var sb = new StringBuilder("context: ").append(CompletionContexts.find(a, offset).kind()).append('\n');
    List<CompletionItem> items = answer.stream()
        .sorted(Comparator.comparing((CompletionItem i) -> i.getSortText() == null ? "" : i.getSortText())
            .thenComparing(CompletionItem::getLabel)).toList();
    for (var i : items) {
      sb.append(i.getLabel()).append(" | ").append(i.getKind());
      var d = i.getLabelDetails();
      if (d != null && (d.getDetail() != null || d.getDescription() != null)) {
        sb.append(" | ").append(d.getDetail() == null ? "" : d.getDetail());
        if (d.getDescription() != null) sb.append(" (").append(d.getDescription()).append(')');
      } else if (i.getDetail() != null) {
        sb.append(" | ").append(i.getDetail());
      }
      var edit = i.getTextEdit().getLeft();
      sb.append(" | ").append(edit.getNewText().replace("\n", "\\n").replace("\t", "\\t"));
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String hover(String uri, org.eclipse.lsp4j.Position position) {
    var h = lsp.hover(uri, position);
    if (h == null) return "<no hover>\n";
    var r = h.getRange();
    return "range: " + (r.getStart().getLine() + 1) + ":" + (r.getStart().getCharacter() + 1) + "-" + (r.getEnd().getLine() + 1)
        + ":" + (r.getEnd().getCharacter() + 1) + "\n" + h.getContents().getRight().getValue();
  }
}
