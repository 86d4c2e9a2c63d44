package aegis.lsp;

import aegis.syntax.SourceFile;
import java.util.List;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * One editor buffer at one version: its URI, the version the client gave, and its text. Immutable;
 * an edit makes a new one.
 */
public record OpenDocument(String uri, int version, String text) {

  /**
   * The document after the client's changes, applied in order. A change with a range replaces that
   * range (positions in UTF-16 code units, as LSP counts them); one without replaces everything.
   */
  public OpenDocument apply(int newVersion, List<TextDocumentContentChangeEvent> changes) {
    String current = text;
    for (var change : changes) {
      if (change.getRange() == null) {
        current = change.getText();
        continue;
      }
      var lines = SourceFile.virtual(uri, current);
      var start = change.getRange().getStart();
      var end = change.getRange().getEnd();
      int from = lines.offsetOf(start.getLine(), start.getCharacter());
      int to = Math.max(from, lines.offsetOf(end.getLine(), end.getCharacter()));
      current = current.substring(0, from) + change.getText() + current.substring(to);
    }
    return new OpenDocument(uri, newVersion, current);
  }
}
