package aegis.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.fuzz.Corpus;
import aegis.fuzz.Mutator;
import aegis.syntax.antlr.Aegis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.SplittableRandom;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;

/**
 * {@link BoundedParser.OperatorLoop}: the first, bailing attempt decides {@code expr}'s operator loop
 * from the next token and the precedence, without prediction. Whatever it accepts must be read as
 * prediction reads it, and every correct file must be accepted (a refused one is read again, so
 * correct files must not pay for that): every runbook, environment, stdlib module and golden input,
 * and mutations of them.
 */
class OperatorLoopTest {
  private static final int MUTATIONS = Integer.getInteger("operators.cases", 1500);

  /** The bailing attempt's parse tree as text, "refused" for a syntax error, "too deep" past the bounds. */
  private static String parse(String text, boolean byPrecedence) {
    var tokens = new CommonTokenStream(new Scanner(text, "test.aegis"));
    tokens.fill();
    if (Nesting.firstTooDeep(tokens.getTokens()) != null) return "too deep";
    var parser = new BoundedParser(tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.decideOperatorsByPrecedence(byPrecedence);
    try {
      return parser.file().toStringTree(parser);
    } catch (ParseCancellationException e) {
      return "refused";
    } catch (BoundedParser.TooDeep e) {
      return "too deep";
    }
  }

  @Test
  void whatItAcceptsIsReadAsPredictionReadsItAndEveryCorrectFileIsAccepted() {
    var corpus = Corpus.load(Path.of("").toAbsolutePath());
    for (var seed : corpus.seeds()) {
      String predicted = parse(seed.text(), false);
      if (predicted.equals("refused") || predicted.equals("too deep")) continue;   // golden inputs with errors
      assertEquals(predicted, parse(seed.text(), true), () -> seed.name() + " parses differently");
    }
    var mutator = new Mutator(corpus);
    int accepted = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      String text = mutator.next(new SplittableRandom(0x0C1L + i)).text();
      String fast = parse(text, true);
      if (fast.equals("refused") || fast.equals("too deep")) continue;   // read again with prediction
      accepted++;
      int index = i;
      assertEquals(parse(text, false), fast, () -> "mutation " + index + " parses differently:\n" + text);
    }
    assertTrue(accepted >= MUTATIONS / 10, "too few accepted mutations to mean anything: " + accepted);
  }

  @Test
  void theLoopItDecidesIsExprsAndItsTokensComeFromTheGrammar() {
    assertEquals(BoundedParser.OperatorLoop.GO_ROUND, BoundedParser.OperatorLoop.decide(Aegis.LPAREN, 0));
    assertEquals(BoundedParser.OperatorLoop.LEAVE, BoundedParser.OperatorLoop.decide(Aegis.RPAREN, 0));
    assertEquals(BoundedParser.OperatorLoop.LEAVE, BoundedParser.OperatorLoop.decide(Aegis.EOF, 0));
    // `a * b + c`: the `+` after `b` ends the operand of `*`, and goes on at the level of `a * b`.
    int afterTimes = 100;
    assertEquals(BoundedParser.OperatorLoop.LEAVE, BoundedParser.OperatorLoop.decide(Aegis.PLUS, afterTimes));
    assertEquals(BoundedParser.OperatorLoop.GO_ROUND, BoundedParser.OperatorLoop.decide(Aegis.PLUS, 0));
  }
}
