package aegis.diagnostics;

import aegis.syntax.Span;
import java.util.List;

/**
 * The one terminal rendering of diagnostics:
 * <pre>
 * runbooks/deploy.aegis:12:5: error[AEG201]: unknown name `sevrices`
 *    |
 * 12 |   for svc in sevrices {
 *    |              ^^^^^^^^
 *    = hint: did you mean `services`?
 * </pre>
 * Colour (ANSI) only when the caller says so; the caller decides from the terminal and NO_COLOR.
 */
public final class DiagnosticRenderer {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String BLUE = "\u001b[1;34m";
  private static final String CYAN = "\u001b[36m";

  private final boolean color;

  public DiagnosticRenderer(boolean color) {
    this.color = color;
  }

  /** Renders diagnostics one after another, each followed by a blank line. */
  public static String render(List<Diagnostic> diagnostics, boolean color) {
    var r = new DiagnosticRenderer(color);
    var sb = new StringBuilder();
    for (var d : diagnostics) sb.append(r.render(d)).append('\n');
    return sb.toString();
  }

  public String render(Diagnostic d) {
    var sb = new StringBuilder();
    Span span = d.span();
    String severityColor = switch (d.severity()) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      case INFO -> BLUE;
    };
    sb.append(paint(BOLD, span.toString())).append(": ")
        .append(paint(severityColor, d.severity().label() + "[" + d.code().name() + "]"))
        .append(": ").append(paint(BOLD, d.message())).append('\n');

    int line = span.line();
    String source = span.file().lineText(line);
    if (span.file().text().isEmpty() || (line == span.file().lineCount() && source.isEmpty() && span.start() == 0)) {
      appendNotes(sb, d);
      return sb.toString();
    }
    String number = Integer.toString(line);
    String gutter = " ".repeat(number.length());
    sb.append(gutter).append(paint(BLUE, " |")).append('\n');
    sb.append(paint(BLUE, number + " |")).append(' ').append(source).append('\n');
    sb.append(gutter).append(paint(BLUE, " |")).append(' ').append(carets(source, span, severityColor)).append('\n');
    appendNotes(sb, d);
    return sb.toString();
  }

  private void appendNotes(StringBuilder sb, Diagnostic d) {
    String pad = " ".repeat(Integer.toString(d.span().line()).length());
    for (var hint : d.hints()) sb.append(pad).append(paint(CYAN, " = hint: ")).append(hint).append('\n');
    for (var rel : d.related()) {
      sb.append(pad).append(paint(CYAN, " = note: ")).append(rel.message()).append(" (").append(rel.span()).append(")\n");
    }
  }

  /** Carets under the span's part of the first line; tabs are kept so the carets line up. */
  private String carets(String source, Span span, String severityColor) {
    int startCol = span.column() - 1;
    int endCol = span.endLine() == span.line() ? span.endColumn() - 1 : source.codePointCount(0, source.length());
    int width = Math.max(1, endCol - startCol);
    var prefix = new StringBuilder();
    int cp = 0;
    for (int i = 0; i < source.length() && cp < startCol; i = source.offsetByCodePoints(i, 1), cp++) {
      prefix.append(source.charAt(i) == '\t' ? '\t' : ' ');
    }
    while (cp++ < startCol) prefix.append(' ');
    return prefix + paint(severityColor, "^".repeat(width));
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
