package aegis.syntax;

import org.antlr.v4.runtime.Token;

/**
 * ANTLR indexes text by code point; aegis spans are UTF-16 offsets. This maps one to the other,
 * at no cost for the usual text without characters outside the Basic Multilingual Plane.
 */
final class Offsets {
  private final int[] charOffsetOfCodePoint;
  private final int length;

  Offsets(String text) {
    length = text.length();
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      charOffsetOfCodePoint = null;
    } else {
      charOffsetOfCodePoint = new int[codePoints + 1];
      int cp = 0;
      for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) charOffsetOfCodePoint[cp++] = i;
      charOffsetOfCodePoint[cp] = text.length();
    }
  }

  int toChar(int codePointIndex) {
    if (charOffsetOfCodePoint == null) return Math.max(0, Math.min(codePointIndex, length));
    int i = Math.max(0, Math.min(codePointIndex, charOffsetOfCodePoint.length - 1));
    return charOffsetOfCodePoint[i];
  }

  /** Start of a token (EOF tokens have an index past the end). */
  int start(Token t) {
    return t.getType() == Token.EOF ? toChar(Integer.MAX_VALUE) : toChar(Math.max(0, t.getStartIndex()));
  }

  /** End (exclusive) of a token. */
  int end(Token t) {
    if (t.getType() == Token.EOF || t.getStopIndex() < t.getStartIndex()) return start(t);
    return toChar(t.getStopIndex() + 1);
  }

  Span span(SourceFile file, Token t) {
    return new Span(file, start(t), end(t));
  }
}
