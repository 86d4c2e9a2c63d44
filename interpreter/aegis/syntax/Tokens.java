package aegis.syntax;

import aegis.syntax.antlr.AegisLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The lexer's view of a file, for tools that work on text rather than trees: the language
 * server's semantic tokens and its completion (which must read half-typed code the parser cannot
 * make sense of). Every character of the file is in exactly one token, whitespace included, so
 * the list can be searched by offset. ANTLR stays inside {@code aegis.syntax}.
 */
public final class Tokens {
  /** What a token is, coarsely; {@link Tok#text()} tells operators and keywords apart. */
  public enum Kind {
    KEYWORD, IDENTIFIER, NUMBER, UNIT_NUMBER,
    /** A piece of a string literal: quotes, text, escapes ({@code ${} opens {@link #INTERPOLATION}). */
    STRING,
    /** The {@code ${} that opens an interpolation (its {@code }} is a {@link #PUNCTUATION}). */
    INTERPOLATION,
    OPERATOR, PUNCTUATION, COMMENT, DOC_COMMENT, WHITESPACE, BAD
  }

  /** One token: its kind, text and span. */
  public record Tok(Kind kind, String text, Span span) {
    /** Whether the parser sees it (not whitespace or a comment). */
    public boolean significant() {
      return kind != Kind.WHITESPACE && kind != Kind.COMMENT && kind != Kind.DOC_COMMENT;
    }

    public boolean is(String s) { return text.equals(s); }
  }

  private Tokens() {}

  /** Every token of the file in order, whitespace and comments included. */
  public static List<Tok> lex(SourceFile file) {
    var offsets = new Offsets(file.text());
    var lexer = new Scanner(file.text(), file.name());
    var out = new ArrayList<Tok>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      var span = offsets.span(file, t);
      if (span.length() == 0) continue;
      out.add(new Tok(kind(t.getType()), span.text(), span));
    }
    return out;
  }

  /** Index of the token that contains {@code offset} (a token ending at it does not), or -1 past the end. */
  public static int indexAt(List<Tok> tokens, int offset) {
    int lo = 0;
    int hi = tokens.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      var s = tokens.get(mid).span();
      if (offset < s.start()) hi = mid - 1;
      else if (offset >= s.end()) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  private static Kind kind(int type) {
    return switch (type) {
      case AegisLexer.ID -> Kind.IDENTIFIER;
      case AegisLexer.INT, AegisLexer.FLOAT -> Kind.NUMBER;
      case AegisLexer.UNIT_NUMBER -> Kind.UNIT_NUMBER;
      case AegisLexer.DQUOTE, AegisLexer.TDQUOTE, AegisLexer.STR_TEXT, AegisLexer.STR_ESCAPE, AegisLexer.STR_DOLLAR,
           AegisLexer.STR_CLOSE, AegisLexer.STR_NEWLINE, AegisLexer.MSTR_CLOSE, AegisLexer.MSTR_QUOTE,
           AegisLexer.MSTR_TEXT, AegisLexer.MSTR_ESCAPE, AegisLexer.MSTR_DOLLAR -> Kind.STRING;
      case AegisLexer.INTERP_OPEN, AegisLexer.MINTERP_OPEN -> Kind.INTERPOLATION;
      case AegisLexer.LINE_COMMENT, AegisLexer.BLOCK_COMMENT -> Kind.COMMENT;
      case AegisLexer.DOC_COMMENT -> Kind.DOC_COMMENT;
      case AegisLexer.WS -> Kind.WHITESPACE;
      case AegisLexer.BAD_CHAR -> Kind.BAD;
      case AegisLexer.LPAREN, AegisLexer.RPAREN, AegisLexer.LBRACK, AegisLexer.RBRACK, AegisLexer.LBRACE,
           AegisLexer.RBRACE, AegisLexer.COMMA, AegisLexer.COLON, AegisLexer.DOT, AegisLexer.SAFE_DOT -> Kind.PUNCTUATION;
      case AegisLexer.ARROW, AegisLexer.COALESCE, AegisLexer.EQ, AegisLexer.NE, AegisLexer.LE, AegisLexer.GE,
           AegisLexer.AND, AegisLexer.OR, AegisLexer.LT, AegisLexer.GT, AegisLexer.ASSIGN, AegisLexer.BANG,
           AegisLexer.PLUS, AegisLexer.MINUS, AegisLexer.STAR, AegisLexer.SLASH, AegisLexer.PERCENT,
           AegisLexer.QUESTION -> Kind.OPERATOR;
      default -> Kind.KEYWORD;
    };
  }
}
