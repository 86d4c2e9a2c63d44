package aegis.syntax;

import aegis.syntax.antlr.AegisLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * How deep a file may nest, and the look at its tokens that enforces it before the parser runs.
 * The parser, the AST builder, the checker and the evaluator all recurse once per level, so an
 * input nested thousands deep (generated, or fuzzed) would overflow their stacks; a limit far above
 * what a person writes, checked up front, turns that into one positioned diagnostic.
 */
final class Nesting {
  /**
   * Levels of brackets, strings, blocks, types and expressions a file may nest. Every pass after the
   * parser is safe to this depth with a small thread stack; people write a few dozen at most.
   */
  static final int MAX = 256;

  /** What to do about it, shown under the AEG112 diagnostic. */
  static final String HINT = "give inner parts a name with `let`, or split the file";

  private Nesting() {}

  /** Where a file first nests too deeply, and in what ("brackets and strings"), for the message. */
  record TooDeep(Token at, String what) {}

  /**
   * The first token that opens a level past {@link #MAX}: a bracket, a string or an interpolation,
   * counted without regard to which kind closes it (a mismatch is the parser's to report); or a
   * prefix operator past {@link #MAX} in a row ({@code - - - x}), which ANTLR's prediction follows
   * recursively to the end of the run before the parser has entered a single rule. Null when the
   * file stays within the limit.
   */
  static TooDeep firstTooDeep(List<Token> tokens) {
    int depth = 0;
    int prefixRun = 0;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
      int type = t.getType();
      prefixRun = type == AegisLexer.BANG || type == AegisLexer.MINUS ? prefixRun + 1 : 0;
      if (prefixRun > MAX) return new TooDeep(t, "prefix operators");
      switch (type) {
        case AegisLexer.LPAREN, AegisLexer.LBRACK, AegisLexer.LBRACE, AegisLexer.DQUOTE, AegisLexer.TDQUOTE,
             AegisLexer.INTERP_OPEN, AegisLexer.MINTERP_OPEN -> {
          if (++depth > MAX) return new TooDeep(t, "brackets and strings");
        }
        case AegisLexer.RPAREN, AegisLexer.RBRACK, AegisLexer.RBRACE, AegisLexer.STR_CLOSE, AegisLexer.STR_NEWLINE,
             AegisLexer.MSTR_CLOSE -> depth = Math.max(0, depth - 1);
        default -> { }
      }
    }
    return null;
  }
}
