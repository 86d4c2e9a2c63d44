package aegis.format;

import aegis.syntax.Comment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Questions about the original text that the tree cannot answer: where the code next to a comment
 * is, whether two offsets are on one line, and where the author left blank lines.
 */
final class SourceText {
  private final String text;
  private final Map<Integer, Integer> commentStartByEnd = new HashMap<>();
  private final Map<Integer, Integer> commentEndByStart = new HashMap<>();

  SourceText(String text, List<Comment> comments) {
    this.text = text;
    for (var c : comments) {
      commentStartByEnd.put(c.span().end(), c.span().start());
      commentEndByStart.put(c.span().start(), c.span().end());
    }
  }

  int length() { return text.length(); }

  char charAt(int offset) { return text.charAt(offset); }

  /** End of the last code token before {@code offset}, skipping blanks and comments; -1 if none. */
  int codeBefore(int offset) {
    int p = offset;
    while (true) {
      while (p > 0 && isBlank(text.charAt(p - 1))) p--;
      Integer start = commentStartByEnd.get(p);
      if (start == null || start >= p) return p == 0 ? -1 : p;
      p = start;
    }
  }

  /** Start of the next code token at or after {@code offset}, skipping blanks and comments; the text length if none. */
  int codeAfter(int offset) {
    int p = offset;
    while (true) {
      while (p < text.length() && isBlank(text.charAt(p))) p++;
      Integer end = commentEndByStart.get(p);
      if (end == null || end <= p) return p;
      p = end;
    }
  }

  /** True when no line break lies between the two offsets. */
  boolean sameLine(int from, int to) {
    int a = Math.max(0, Math.min(from, to));
    int b = Math.min(text.length(), Math.max(from, to));
    int nl = text.indexOf('\n', a);
    return nl < 0 || nl >= b;
  }

  /** True when the blanks just before {@code offset} hold an empty line. */
  boolean blankLineBefore(int offset) {
    int newlines = 0;
    for (int p = Math.min(offset, text.length()) - 1; p >= 0 && isBlank(text.charAt(p)); p--) {
      if (text.charAt(p) == '\n') newlines++;
    }
    return newlines >= 2;
  }

  /** The lexer's blanks: space, tab, carriage return, line feed, form feed. */
  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
  }
}
