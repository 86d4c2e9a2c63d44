package aegis.format;

import aegis.diagnostics.Diagnostic;
import java.util.List;

/**
 * What {@link Formatter} gives back. When the file could not be formatted (syntax errors, or the
 * formatter's own check failed) {@code text} is the original text, {@code changed} is false and
 * {@code diagnostics} says why; {@code aegis fmt} reports them and leaves the file alone.
 *
 * @param text        the formatted text (or the original, when refused)
 * @param changed     the formatted text differs from the original
 * @param diagnostics the parse diagnostics, or the reason formatting was refused
 */
public record FormatResult(String text, boolean changed, List<Diagnostic> diagnostics) {
  public FormatResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** True when {@code text} is the canonical layout of the file. */
  public boolean formatted() { return diagnostics.stream().noneMatch(Diagnostic::isError); }
}
