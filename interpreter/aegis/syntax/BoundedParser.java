package aegis.syntax;

import aegis.syntax.antlr.Aegis;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The generated parser, stopped as soon as it nests past {@link Nesting#MAX} levels, so that no text
 * makes it overflow its stack. Every cycle of the grammar goes through {@code expr}, {@code block},
 * {@code type} or {@code ifStatement}, so counting entries into those four bounds its recursion.
 * The AST builder counts the same levels, so nothing the builder would accept is refused here.
 */
final class BoundedParser extends Aegis {
  /** Thrown out of the parse at the first level past the limit; {@link #at} is where. */
  static final class TooDeep extends RuntimeException {
    final transient Token at;

    TooDeep(Token at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  private int depth;

  BoundedParser(TokenStream input) {
    super(input);
  }

  @Override
  public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
    if (counted(ruleIndex)) deeper();
    super.enterRule(localctx, state, ruleIndex);
  }

  @Override
  public void exitRule() {
    if (counted(getContext().getRuleIndex())) depth--;
    super.exitRule();
  }

  @Override
  public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
    if (counted(ruleIndex)) deeper();
    super.enterRecursionRule(localctx, state, ruleIndex, precedence);
  }

  @Override
  public void unrollRecursionContexts(ParserRuleContext parent) {
    if (counted(getContext().getRuleIndex())) depth--;
    super.unrollRecursionContexts(parent);
  }

  @Override
  public void reset() {
    super.reset();
    depth = 0;
  }

  private void deeper() {
    if (++depth > Nesting.MAX) throw new TooDeep(getCurrentToken());
  }

  private static boolean counted(int ruleIndex) {
    return ruleIndex == RULE_expr || ruleIndex == RULE_block || ruleIndex == RULE_type || ruleIndex == RULE_ifStatement;
  }
}
