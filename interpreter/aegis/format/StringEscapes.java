package aegis.format;

/**
 * Writes the text of string literals back with escapes, so that the lexer reads exactly the same
 * characters again. The escapes are those of the language: {@code \n \t \r \" \\ \$}.
 */
final class StringEscapes {
  private StringEscapes() {}

  /**
   * Text of a one-line string. A {@code $} is escaped only before a brace: at the end of a piece of
   * text it is followed by a quote or by another {@code $} (of an interpolation), both harmless.
   */
  static String oneLine(String text) {
    var out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '$' -> out.append(dollarNeedsEscape(text, i) ? "\\$" : "$");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A piece of one line of a multi-line string (no line feeds in it). Tabs stay as they are; a quote
   * followed by a quote is escaped so that no {@code """} can close the string early (a piece is
   * always followed by an interpolation, a line break or the closing line, never by a quote).
   */
  static String multiLine(String line) {
    var out = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '"' -> out.append(i + 1 < line.length() && line.charAt(i + 1) == '"' ? "\\\"" : "\"");
        case '\\' -> out.append("\\\\");
        case '\r' -> out.append("\\r");
        case '$' -> out.append(dollarNeedsEscape(line, i) ? "\\$" : "$");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean dollarNeedsEscape(String text, int i) {
    return i + 1 < text.length() && text.charAt(i + 1) == '{';
  }
}
