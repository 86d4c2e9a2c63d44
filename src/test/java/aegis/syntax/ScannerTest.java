package aegis.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.fuzz.Corpus;
import aegis.fuzz.Mutator;
import aegis.syntax.antlr.AegisLexer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-written {@link Scanner} gives exactly the tokens of the lexer ANTLR generates from
 * {@code grammar/AegisLexer.g4} (the grammar is the specification): type, channel, start and stop,
 * line, column and text of every token, EOF included. On every file of the project and every
 * golden input, on thousands of mutations of them, and on the lexical corner cases named here.
 */
class ScannerTest {
  private static final int MUTATIONS = Integer.getInteger("scanner.mutations", 3000);

  static List<String> tokens(TokenSource source) {
    var out = new ArrayList<String>();
    while (true) {
      Token t = source.nextToken();
      out.add(t.getType() + "/" + t.getChannel() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " @"
          + t.getLine() + ":" + t.getCharPositionInLine() + " " + t.getText());
      if (t.getType() == Token.EOF) return out;
    }
  }

  static void sameTokens(String name, String text) {
    var antlr = new AegisLexer(CharStreams.fromString(text, name));
    antlr.removeErrorListeners();
    var expected = tokens(antlr);
    var actual = tokens(new Scanner(text, name));
    assertEquals(expected, actual, () -> name + ": " + text.replace("\r", "\\r").replace("\n", "\\n"));
  }

  @Test
  void lexicalCornerCases() {
    for (String text : List.of("", " ", "\n\n  \t\f\r\n", "runbook runbooks _x x_1 __", "1 1_000 1__0 1_ 1. 1.5 1.5.6 1._5",
        "10m 4Gi 1.5s 12abc_d 3parsecs 1e10 0.25h 007.50s", "a->b?.c??d?e==f!=g<=h>=i&&j||k<l>m=n!o+p-q*r/s%t.u,v:w",
        "& | &x |y", "(){}[]", "}}}{", "// line\n/// doc\n//// more\n/* block */ /**/ /*/ x */", "/* open", "/",
        "\"plain\" \"a ${b} c\" \"${\"nested ${x}\"}\" \"$ $x \\n \\\" \\\\\" \"unterminated\n",
        "\"lone \r carriage\" next", "\"end \r", "\"cr \r\n\" x", "\"\\", "\"\\\r\n\"",
        "\"\"\"\nmulti \"quoted\" \"\" ${x} $ \\q \\\n\"\"\"\" after", "\"\"\"a\"\"\"\"\"", "\"\"\"open", "\"\"\"\\",
        "x = \"${ { } }\"", "é ü 中 \uD83D\uDE00 \u0000 \u200b", "\"\uD83D\uDE00 ${\uD83D\uDE00}\"", "let x = 1\r\nlet y = 2\r\n")) {
      sameTokens("case", text);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyProjectFile() {
    return Corpus.load(Path.of("")).seeds().stream()
        .map(seed -> DynamicTest.dynamicTest(seed.name(), () -> sameTokens(seed.name(), seed.text())));
  }

  @Test
  void mutatedFiles() {
    var mutator = new Mutator(Corpus.load(Path.of("")));
    var random = new SplittableRandom(20261127);
    for (int i = 0; i < MUTATIONS; i++) {
      var seed = mutator.next(random);
      sameTokens(seed.name() + " (mutation " + i + ")", seed.text());
    }
  }
}
