package aegis.lsp;

import aegis.format.Formatter;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * Formatting: exactly what {@code aegis fmt} prints ({@link Formatter}). A file with syntax errors
 * (or one the formatter refuses) is left alone: no edits.
 */
public final class FormattingFeature {
  public List<TextEdit> format(Analysis a) {
    if (a.stdlibModule() != null) return List.of();
    var result = Formatter.format(a.source());
    if (!result.formatted() || !result.changed()) return List.of();
    var source = a.source();
    var all = new Range(Positions.position(source, 0), Positions.position(source, source.text().length()));
    return List.of(new TextEdit(all, result.text()));
  }
}
