package aegis.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.fuzz.Corpus;
import aegis.fuzz.Mutator;
import aegis.syntax.antlr.AegisLexer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.SplittableRandom;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;

/**
 * {@link Parser} never uses full-LL prediction, only SLL (see its {@code parseTree}); that is right
 * only while SLL accepts exactly the texts LL accepts. A grammar change that makes SLL too weak
 * (a correct file then gets a syntax error) fails here: every runbook, stdlib module and golden
 * input, and mutations of them, must be accepted by both or by neither.
 */
class SllIsExactTest {
  private static final int MUTATIONS = Integer.getInteger("sll.cases", 600);

  private enum Outcome { ACCEPTED, REJECTED, TOO_DEEP }

  private static Outcome parse(String text, PredictionMode mode) {
    var lexer = new AegisLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    var tokens = new CommonTokenStream(lexer);
    tokens.fill();
    if (Nesting.firstTooDeep(tokens.getTokens()) != null) return Outcome.TOO_DEEP;
    var parser = new BoundedParser(tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(mode);
    try {
      parser.file();
      return Outcome.ACCEPTED;
    } catch (ParseCancellationException e) {
      return Outcome.REJECTED;
    } catch (BoundedParser.TooDeep e) {
      return Outcome.TOO_DEEP;
    }
  }

  @Test
  void sllAndLlAcceptTheSameTexts() {
    var corpus = Corpus.load(Path.of("").toAbsolutePath());
    var texts = new ArrayList<String>();
    for (var seed : corpus.seeds()) texts.add(seed.text());
    var mutator = new Mutator(corpus);
    for (int i = 0; i < MUTATIONS; i++) texts.add(mutator.next(new SplittableRandom(0x511L + i)).text());

    int accepted = 0;
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      var sll = parse(text, PredictionMode.SLL);
      if (sll == Outcome.TOO_DEEP) continue;
      if (sll == Outcome.ACCEPTED) accepted++;
      // SLL accepting means LL accepts too (SLL is the stronger filter); only a rejection needs LL's word.
      if (sll == Outcome.REJECTED) {
        int index = i;
        assertEquals(Outcome.REJECTED, parse(text, PredictionMode.LL), () -> "LL accepts what SLL rejects, text " + index + ":\n" + text);
      }
    }
    assertTrue(accepted >= corpus.seeds().size() / 2, "too few accepted texts to mean anything: " + accepted);
  }
}
