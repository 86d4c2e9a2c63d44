package aegis.lsp;

import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Spans (UTF-16 offsets) to LSP ranges (0-based lines, UTF-16 columns) and back. */
public final class Positions {
  private Positions() {}

  public static Position position(SourceFile file, int offset) {
    return new Position(file.line(offset) - 1, file.utf16Column(offset));
  }

  public static Range range(Span span) {
    return new Range(position(span.file(), span.start()), position(span.file(), span.end()));
  }

  public static int offset(SourceFile file, Position p) { return file.offsetOf(p.getLine(), p.getCharacter()); }
}
