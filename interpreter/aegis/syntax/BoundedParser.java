package aegis.syntax;

import aegis.syntax.antlr.Aegis;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ParserATNSimulator;

/**
 * The generated parser with two bounds, so that no text makes it overflow its stack or run long.
 *
 * <p>Nesting: it stops as soon as it nests past {@link Nesting#MAX} levels. Every cycle of the
 * grammar goes through {@code expr}, {@code block}, {@code type} or {@code ifStatement}, so counting
 * entries into those four bounds its recursion. The AST builder counts the same levels, so nothing
 * the builder would accept is refused here.
 *
 * <p>Prediction: where an expression ends is ambiguous across lines (a statement may start with
 * `-`, `(` or `[`), so deciding how to read an operator after a long chain ({@code x -> x -> ...})
 * can look ahead over the rest of the chain, with contexts as deep as the chain: fuzzed files of
 * 6 KB took 10 to 60 s. Prediction work is counted in closure steps (ANTLR does them only for what
 * its DFA cache has not seen): real and fuzzed files need at most about 70 a token, those files
 * over 2 000. Past {@link #WORK_BASE} plus {@link #WORK_PER_TOKEN} a token the parse stops like a
 * nesting too deep, where the parser stands.
 */
final class BoundedParser extends Aegis {
  /** Thrown out of the parse at the first level past the limit, or when prediction ran out; {@link #at} is where. */
  static final class TooDeep extends RuntimeException {
    final transient Token at;

    TooDeep(Token at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  static final long WORK_BASE = 20_000;
  static final long WORK_PER_TOKEN = 150;

  private final long workBudget;
  private int depth;
  private long work;

  BoundedParser(TokenStream input) {
    super(input);
    setInterpreter(new Simulator(this));
    workBudget = WORK_BASE + WORK_PER_TOKEN * input.size();
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
    work = 0;
  }

  private void deeper() {
    if (++depth > Nesting.MAX) throw new TooDeep(getCurrentToken());
  }

  /** ANTLR's simulator, counting the work of prediction against the budget. */
  private static final class Simulator extends ParserATNSimulator {
    private final BoundedParser parser;

    Simulator(BoundedParser parser) {
      super(parser, _ATN, _decisionToDFA, _sharedContextCache);
      this.parser = parser;
    }

    @Override
    protected void closureCheckingStopState(ATNConfig config, ATNConfigSet configs, Set<ATNConfig> closureBusy,
                                            boolean collectPredicates, boolean fullCtx, int depth,
                                            boolean treatEofAsEpsilon) {
      if (++parser.work > parser.workBudget) throw new TooDeep(parser.getCurrentToken());
      super.closureCheckingStopState(config, configs, closureBusy, collectPredicates, fullCtx, depth, treatEofAsEpsilon);
    }
  }

  private static boolean counted(int ruleIndex) {
    return ruleIndex == RULE_expr || ruleIndex == RULE_block || ruleIndex == RULE_type || ruleIndex == RULE_ifStatement;
  }
}
