package aegis.syntax;

import static aegis.syntax.antlr.AegisLexer.*;

import java.util.Arrays;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The tokens of {@code grammar/AegisLexer.g4}, read by hand: the same types, channels, modes,
 * positions and texts as the lexer ANTLR generates from it, which {@code ScannerTest} checks
 * token for token on every file of the project and on random and mutated text. The parser and
 * {@link Tokens} (the language server's view) read it; the generated lexer is that test's oracle.
 *
 * <p>Why not ANTLR's lexer: it matches by simulating the grammar's automaton one code point at a
 * time and builds its DFA cache from nothing in every new JVM. In a cold {@code aegis check} that
 * was ~40 ms of interpreted lexing plus ~20 ms of compiling ANTLR's lexer runtime, on two cores
 * that the JIT and the parser already keep busy; a start-up tool pays it on every run. The grammar
 * stays the single description of the tokens (the parser's vocabulary comes from it).
 */
final class Scanner implements TokenSource {
  private final CharStream input;
  private final Pair<TokenSource, CharStream> source;
  /** The text by code point, as ANTLR indexes it. */
  private final int[] text;
  private int index;
  private int line = 1;
  private int column;
  private int mode = Lexer.DEFAULT_MODE;
  private int[] modes = new int[8];
  private int depth;

  /** The tokens of {@code text}; {@code sourceName} names it in ANTLR's messages. */
  Scanner(String text, String sourceName) {
    this.input = CharStreams.fromString(text, sourceName);   // what tokens read their text from
    this.source = new Pair<>(this, input);
    this.text = codePoints(text);
  }

  private static int[] codePoints(String s) {
    int[] out = new int[s.codePointCount(0, s.length())];
    for (int i = 0, cp = 0; i < s.length(); cp++) {
      int c = s.codePointAt(i);
      out[cp] = c;
      i += Character.charCount(c);
    }
    return out;
  }

  @Override
  public Token nextToken() {
    while (true) {
      int start = index;
      int startLine = line;
      int startColumn = column;
      if (start >= text.length) {
        return token(Token.EOF, Token.DEFAULT_CHANNEL, start, start - 1, startLine, startColumn);
      }
      int type = switch (mode) {
        case STR -> string();
        case MSTR -> multilineString();
        default -> code();
      };
      if (type == Token.INVALID_TYPE) continue;   // a character no rule matches: skipped, as ANTLR's lexer does
      int channel = switch (type) {
        case WS, LINE_COMMENT, BLOCK_COMMENT -> Token.HIDDEN_CHANNEL;
        case DOC_COMMENT -> DOCS;
        default -> Token.DEFAULT_CHANNEL;
      };
      return token(type, channel, start, index - 1, startLine, startColumn);
    }
  }

  private Token token(int type, int channel, int start, int stop, int startLine, int startColumn) {
    var t = new CommonToken(source, type, channel, start, stop);
    t.setLine(startLine);
    t.setCharPositionInLine(startColumn);
    return t;
  }

  // ------------------------------------------------------------------ DEFAULT_MODE

  private int code() {
    int c = text[index];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
      while (index < text.length && isSpace(text[index])) advance();
      return WS;
    }
    if (isLetter(c) || c == '_') {
      int start = index;
      while (index < text.length && (isLetter(text[index]) || isDigit(text[index]) || text[index] == '_')) advance();
      return keywordOr(new String(text, start, index - start));
    }
    if (isDigit(c)) return number();
    return switch (c) {
      case '"' -> {
        if (at(1) == '"' && at(2) == '"') {
          advance(3);
          push(MSTR);
          yield TDQUOTE;
        }
        advance();
        push(STR);
        yield DQUOTE;
      }
      case '/' -> slash();
      case '-' -> two('>', ARROW, MINUS);
      case '=' -> two('=', EQ, ASSIGN);
      case '!' -> two('=', NE, BANG);
      case '<' -> two('=', LE, LT);
      case '>' -> two('=', GE, GT);
      case '&' -> two('&', AND, BAD_CHAR);
      case '|' -> two('|', OR, BAD_CHAR);
      case '?' -> at(1) == '.' ? advanceBy(2, SAFE_DOT) : at(1) == '?' ? advanceBy(2, COALESCE) : advanceBy(1, QUESTION);
      case '+' -> advanceBy(1, PLUS);
      case '*' -> advanceBy(1, STAR);
      case '%' -> advanceBy(1, PERCENT);
      case '.' -> advanceBy(1, DOT);
      case ',' -> advanceBy(1, COMMA);
      case ':' -> advanceBy(1, COLON);
      case '(' -> advanceBy(1, LPAREN);
      case ')' -> advanceBy(1, RPAREN);
      case '[' -> advanceBy(1, LBRACK);
      case ']' -> advanceBy(1, RBRACK);
      case '{' -> {
        advance();
        push(Lexer.DEFAULT_MODE);
        yield LBRACE;
      }
      case '}' -> {
        advance();
        pop();
        yield RBRACE;
      }
      default -> advanceBy(1, BAD_CHAR);
    };
  }

  /** {@code ///} doc comment, {@code //} line comment, {@code /* ... *}{@code /} block comment, else {@code /}. */
  private int slash() {
    if (at(1) == '/') {
      int type = at(2) == '/' ? DOC_COMMENT : LINE_COMMENT;
      while (index < text.length && text[index] != '\r' && text[index] != '\n') advance();
      return type;
    }
    if (at(1) == '*') {
      for (int i = index + 2; i + 1 < text.length; i++) {
        if (text[i] == '*' && text[i + 1] == '/') {
          advance(i + 2 - index);
          return BLOCK_COMMENT;
        }
      }
    }
    return advanceBy(1, SLASH);   // an unclosed `/*` is a slash and a star, as the longest match ANTLR backs up to
  }

  /** {@code DIGITS ('.' DIGITS)? [a-zA-Z]+} (a unit), {@code DIGITS '.' DIGITS}, or {@code DIGITS}. */
  private int number() {
    int end = digits(index);
    boolean fraction = end + 1 < text.length && text[end] == '.' && isDigit(text[end + 1]);
    if (fraction) end = digits(end + 1);
    int letters = end;
    while (letters < text.length && isLetter(text[letters])) letters++;
    int type = letters > end ? UNIT_NUMBER : fraction ? FLOAT : INT;
    advance(letters - index);
    return type;
  }

  /** The end of {@code [0-9] ('_'? [0-9])*} starting at {@code i}, which is a digit. */
  private int digits(int i) {
    i++;
    while (i < text.length) {
      if (isDigit(text[i])) {
        i++;
      } else if (text[i] == '_' && i + 1 < text.length && isDigit(text[i + 1])) {
        i += 2;
      } else {
        break;
      }
    }
    return i;
  }

  private static int keywordOr(String word) {
    return switch (word) {
      case "runbook" -> RUNBOOK;
      case "module" -> MODULE;
      case "environment" -> ENVIRONMENT;
      case "import" -> IMPORT;
      case "as" -> AS;
      case "param" -> PARAM;
      case "let" -> LET;
      case "step" -> STEP;
      case "for" -> FOR;
      case "in" -> IN;
      case "parallel" -> PARALLEL;
      case "if" -> IF;
      case "else" -> ELSE;
      case "then" -> THEN;
      case "check" -> CHECK;
      case "fail" -> FAIL;
      case "warn" -> WARN;
      case "wait" -> WAIT;
      case "until" -> UNTIL;
      case "every" -> EVERY;
      case "timeout" -> TIMEOUT;
      case "retry" -> RETRY;
      case "approve" -> APPROVE;
      case "run" -> RUN;
      case "report" -> REPORT;
      case "on" -> ON;
      case "failure" -> FAILURE;
      case "finally" -> FINALLY;
      case "window" -> WINDOW;
      case "record" -> RECORD;
      case "enum" -> ENUM;
      case "extern" -> EXTERN;
      case "fn" -> FN;
      case "read" -> READ;
      case "write" -> WRITE;
      case "destructive" -> DESTRUCTIVE;
      case "true" -> TRUE;
      case "false" -> FALSE;
      case "null" -> NULL;
      default -> ID;
    };
  }

  // ------------------------------------------------------------------ STR and MSTR

  private int string() {
    int c = text[index];
    switch (c) {
      case '\\' -> {
        advance(at(1) >= 0 && at(1) != '\r' && at(1) != '\n' ? 2 : 1);
        return STR_ESCAPE;
      }
      case '$' -> {
        return interpolationOr(INTERP_OPEN, STR_DOLLAR);
      }
      case '"' -> {
        advance();
        pop();
        return STR_CLOSE;
      }
      case '\n' -> {
        advance();
        pop();
        return STR_NEWLINE;
      }
      case '\r' -> {
        if (at(1) == '\n') {
          advance(2);
          pop();
          return STR_NEWLINE;
        }
        // No rule takes a lone carriage return here. ANTLR's lexer has consumed it while trying
        // STR_NEWLINE when it finds out, then skips one more character to recover.
        advance(at(1) >= 0 ? 2 : 1);
        return Token.INVALID_TYPE;
      }
      default -> {
        while (index < text.length && !isStringSpecial(text[index])) advance();
        return STR_TEXT;
      }
    }
  }

  private int multilineString() {
    int c = text[index];
    switch (c) {
      case '"' -> {
        int quotes = 0;
        while (at(quotes) == '"') quotes++;
        if (quotes >= 3) {
          advance(quotes);
          pop();
          return MSTR_CLOSE;
        }
        advance(quotes);
        return MSTR_QUOTE;
      }
      case '\\' -> {
        advance(at(1) >= 0 ? 2 : 1);
        return MSTR_ESCAPE;
      }
      case '$' -> {
        return interpolationOr(MINTERP_OPEN, MSTR_DOLLAR);
      }
      default -> {
        while (index < text.length && text[index] != '"' && text[index] != '\\' && text[index] != '$') advance();
        return MSTR_TEXT;
      }
    }
  }

  private int interpolationOr(int open, int dollar) {
    if (at(1) == '{') {
      advance(2);
      push(Lexer.DEFAULT_MODE);
      return open;
    }
    advance();
    return dollar;
  }

  private static boolean isStringSpecial(int c) {
    return c == '"' || c == '\\' || c == '$' || c == '\r' || c == '\n';
  }

  // ------------------------------------------------------------------ characters and modes

  private static boolean isSpace(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

  private static boolean isLetter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  private static boolean isDigit(int c) { return c >= '0' && c <= '9'; }

  /** The code point {@code ahead} places on, or -1 past the end. */
  private int at(int ahead) {
    int i = index + ahead;
    return i < text.length ? text[i] : -1;
  }

  private int two(int second, int both, int one) {
    return at(1) == second ? advanceBy(2, both) : advanceBy(1, one);
  }

  private int advanceBy(int n, int type) {
    advance(n);
    return type;
  }

  private void advance(int n) {
    for (int i = 0; i < n; i++) advance();
  }

  /** One code point on; lines and columns as ANTLR counts them (a line ends at {@code \n}). */
  private void advance() {
    if (text[index++] == '\n') {
      line++;
      column = 0;
    } else {
      column++;
    }
  }

  private void push(int next) {
    if (depth == modes.length) modes = Arrays.copyOf(modes, depth * 2);
    modes[depth++] = mode;
    mode = next;
  }

  /** Back to the enclosing mode; an unbalanced {@code }} stays where it is (a parse error, not a crash). */
  private void pop() {
    if (depth > 0) mode = modes[--depth];
  }

  // ------------------------------------------------------------------ TokenSource

  @Override
  public int getLine() { return line; }

  @Override
  public int getCharPositionInLine() { return column; }

  @Override
  public CharStream getInputStream() { return input; }

  @Override
  public String getSourceName() { return input.getSourceName(); }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    throw new UnsupportedOperationException("the scanner makes CommonTokens");
  }

  @Override
  public TokenFactory<?> getTokenFactory() { return CommonTokenFactory.DEFAULT; }
}
