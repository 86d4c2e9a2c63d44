package aegis.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document edited through many incremental changes (typing, deleting across lines, pasting,
 * characters outside the Basic Multilingual Plane) ends with exactly the diagnostics of a fresh
 * open of the final text, and the server's text is the client's text. Positions are computed here
 * independently: LSP counts UTF-16 code units, which is what a Java {@code String} index is.
 */
class IncrementalEditsTest {
  private static final String START = """
      runbook edits "Ünïcode 🚀 test"
      param env: Environment
      step "café ☕" {
        check env.name != "日本" else fail "💥 ${env.name}"
      }
      """;
  private static final List<String> PIECES = List.of("🚀", "é", "日本", "\n", "let x = 1\n", "}", "${", "\"", " ", "env.",
      "𝔸𝔹", "check env.name == \"ü\" else warn \"🙂\"\n", "(", ")", "step \"s\" {\n", "a");

  @TempDir Path dir;

  @Test
  void randomEditsEndWithTheDiagnosticsOfAFreshOpen() {
    try (var lsp = LspSession.in(dir)) {
      var uri = lsp.open(dir.resolve("edited.aegis"), START);
      var random = new Random(20261127);
      String text = START;
      for (int round = 0; round < 150; round++) {
        var changes = new ArrayList<TextDocumentContentChangeEvent>();
        for (int c = 0, n = 1 + random.nextInt(3); c < n; c++) {
          int from = boundary(text, random.nextInt(text.length() + 1));
          int to = boundary(text, Math.min(text.length(), from + random.nextInt(6)));
          String insert = random.nextInt(4) == 0 ? "" : PIECES.get(random.nextInt(PIECES.size()));
          changes.add(new TextDocumentContentChangeEvent(new Range(Fixture.position(text, from), Fixture.position(text, to)), insert));
          text = text.substring(0, from) + insert + text.substring(to);
        }
        lsp.change(uri, changes);
      }
      var edited = lsp.diagnostics(uri);
      assertEquals(text, lsp.impl.analyzer().documents().get(uri).text());
      var fresh = lsp.diagnostics(lsp.open(dir.resolve("fresh.aegis"), text));
      assertEquals(render(fresh), render(edited));
    }
  }

  @Test
  void typingAStepAfterAnEmojiCharByCharEndsClean() {
    try (var lsp = LspSession.in(dir)) {
      var uri = lsp.open(dir.resolve("typed.aegis"), START);
      String text = START;
      String typed = "step \"🚀 deploy ☕\" {\n  check env.namespace != \"𝔸\" else fail \"no 🙂\"\n}\n";
      // One code point per keystroke: an editor never sends half of a surrogate pair.
      for (int cp : typed.codePoints().toArray()) {
        var p = Fixture.position(text, text.length());
        var ch = Character.toString(cp);
        lsp.change(uri, List.of(new TextDocumentContentChangeEvent(new Range(p, p), ch)));
        text = text + ch;
      }
      assertEquals(List.of(), lsp.diagnostics(uri));
      assertEquals(text, lsp.impl.analyzer().documents().get(uri).text());
      // Replace the text after the emoji on its line: the columns must count the surrogate pair as two.
      int at = text.indexOf("deploy ☕");
      var range = new Range(Fixture.position(text, at), Fixture.position(text, at + "deploy".length()));
      lsp.change(uri, List.of(new TextDocumentContentChangeEvent(range, "ship")));
      text = text.substring(0, at) + "ship" + text.substring(at + "deploy".length());
      assertEquals(List.of(), lsp.diagnostics(uri));
      assertEquals(text, lsp.impl.analyzer().documents().get(uri).text());
      int bad = text.indexOf("env.namespace");
      lsp.change(uri, List.of(new TextDocumentContentChangeEvent(new Range(Fixture.position(text, bad + 4), Fixture.position(text, bad + 13)), "nmspace")));
      text = text.substring(0, bad + 4) + "nmspace" + text.substring(bad + 13);
      var ds = lsp.diagnostics(uri);
      assertEquals(1, ds.size(), ds.toString());
      assertEquals(new Range(Fixture.position(text, bad + 4), Fixture.position(text, bad + 11)), ds.getFirst().getRange());
    }
  }

  /** Never split a surrogate pair: an editor cannot put the cursor inside one. */
  private static int boundary(String text, int offset) {
    return offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset)) ? offset - 1 : offset;
  }

  private static List<String> render(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.getRange() + " " + d.getCode().getLeft() + " " + d.getMessage().getLeft()
        .replace("fresh.aegis", "edited.aegis")).toList();
  }
}
