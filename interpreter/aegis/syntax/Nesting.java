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

  /**
   * The first token that opens a level past {@link #MAX}: a bracket, a string or an interpolation,
   * counted without regard to which kind closes it (a mismatch is the parser's to report). Null when
   * the file stays within the limit.
   */
  static Token firstTooDeep(List<Token> tokens) {
    int depth = 0;
    for (Token t : tokens) {
      switch (t.getType()) {
        case AegisLexer.LPAREN, AegisLexer.LBRACK, AegisLexer.LBRACE, AegisLexer.DQUOTE, AegisLexer.TDQUOTE,
             AegisLexer.INTERP_OPEN, AegisLexer.MINTERP_OPEN -> {
          if (++depth > MAX) return t;
        }
        case AegisLexer.RPAREN, AegisLexer.RBRACK, AegisLexer.RBRACE, AegisLexer.STR_CLOSE, AegisLexer.STR_NEWLINE,
             AegisLexer.MSTR_CLOSE -> depth = Math.max(0, depth - 1);
        default -> { }
      }
    }
    return null;
  }
}
