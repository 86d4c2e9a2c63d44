package aegis.syntax;

import aegis.syntax.antlr.Aegis;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PrecedencePredicateTransition;
import org.antlr.v4.runtime.atn.StarLoopEntryState;

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

  /**
   * Lets {@link Simulator} decide {@code expr}'s operator loop (see {@link OperatorLoop}) without
   * prediction. Only for {@link Parser}'s first attempt, which bails at the first syntax error: a
   * text this reads wrongly fails there and is read again with prediction.
   */
  void decideOperatorsByPrecedence(boolean on) { byPrecedence = on; }

  private boolean byPrecedence;

  /**
   * The decision after each operand of {@code expr}: go round the loop with the operator or suffix
   * that follows, or end the expression. ANTLR predicts it with lookahead, because a statement may
   * start with {@code (}, {@code [} or {@code -}: after {@code f} in {@code f(a, b)} it reads on
   * through the arguments, since {@code (a, b)} might start a lambda on the next line. In a cold JVM
   * that was 34 of the 60 ms a first parse of the project's files spent predicting (575 calls), and
   * kept ~55 more of ANTLR's simulator methods hot enough for the JIT to compile.
   *
   * <p>What prediction decides is fixed by the grammar: when the next token starts one of the loop's
   * alternatives whose precedence the current level allows, going round is viable, and where ending
   * is viable too the text is ambiguous and SLL takes the lower alternative, going round; otherwise
   * only ending can be right. So {@link #decide} answers from the next token and the precedence
   * alone, and where going round was not viable after all, the attempt fails on the next tokens
   * and {@link Parser} reads the text again with prediction: the same tree, or the same errors.
   * The loop, its tokens and their precedences are read from the grammar's ATN.
   */
  static final class OperatorLoop {
    static final int DECISION;
    /** Token type + 1 (EOF is -1) to the highest precedence of an alternative starting with it, or NONE. */
    private static final int[] PRECEDENCE;
    private static final int NONE = Integer.MIN_VALUE;
    /** ANTLR numbers a loop's alternatives so: 1 goes round, 2 leaves. */
    static final int GO_ROUND = 1;
    static final int LEAVE = 2;

    static {
      StarLoopEntryState loop = null;
      int decision = -1;
      for (int d = 0; d < _ATN.getNumberOfDecisions(); d++) {
        if (_ATN.getDecisionState(d) instanceof StarLoopEntryState s && s.ruleIndex == RULE_expr && s.isPrecedenceDecision) {
          loop = s;
          decision = d;
        }
      }
      if (loop == null) throw new IllegalStateException("the grammar's expr has no operator loop");
      int[] precedence = new int[_ATN.maxTokenType + 2];
      java.util.Arrays.fill(precedence, NONE);
      ATNState block = loop.transition(0).target;
      for (int alt = 0; alt < block.getNumberOfTransitions(); alt++) {
        int level = NONE;
        ATNState s = block.transition(alt).target;
        // Each alternative: epsilon steps, its precedence predicate, then the operator's token(s).
        while (s.getNumberOfTransitions() == 1 && s.transition(0).isEpsilon()) {
          if (s.transition(0) instanceof PrecedencePredicateTransition p) level = p.precedence;
          s = s.transition(0).target;
        }
        if (level == NONE || s.getNumberOfTransitions() != 1 || s.transition(0).label() == null) {
          throw new IllegalStateException("expr's operator loop has an alternative not led by a token");
        }
        for (int token : s.transition(0).label().toList()) precedence[token + 1] = Math.max(precedence[token + 1], level);
      }
      DECISION = decision;
      PRECEDENCE = precedence;
    }

    private OperatorLoop() {}

    /** The loop's alternative for the next token {@code token} at the parser's precedence {@code current}. */
    static int decide(int token, int current) {
      int level = token + 1 < PRECEDENCE.length ? PRECEDENCE[token + 1] : NONE;
      return level != NONE && level >= current ? GO_ROUND : LEAVE;
    }
  }

  /** ANTLR's simulator, counting the work of prediction against the budget. */
  private static final class Simulator extends ParserATNSimulator {
    private final BoundedParser parser;

    Simulator(BoundedParser parser) {
      super(parser, _ATN, _decisionToDFA, _sharedContextCache);
      this.parser = parser;
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
      if (parser.byPrecedence && decision == OperatorLoop.DECISION) {
        return OperatorLoop.decide(input.LA(1), parser.getPrecedence());
      }
      return super.adaptivePredict(input, decision, outerContext);
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
