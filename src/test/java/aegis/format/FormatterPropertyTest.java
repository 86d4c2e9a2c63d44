package aegis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.ParseResult;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random trees print to text that parses back to the same tree, and that text is already formatted;
 * with comments put at random places in it, it still formats to the same tree with every comment,
 * idempotently. Seeded generators in plain JUnit (the project does not use jqwik): a failure names
 * its seed, and {@code -Dformat.seeds=N -Dformat.firstSeed=S} explores further.
 */
class FormatterPropertyTest {
  private static final long FIRST_SEED = Long.getLong("format.firstSeed", 1);
  private static final long SEEDS = Long.getLong("format.seeds", 250);

  @TestFactory
  Stream<DynamicTest> randomTreesRoundTrip() {
    return LongStream.range(FIRST_SEED, FIRST_SEED + SEEDS).mapToObj(seed ->
        DynamicTest.dynamicTest("seed " + seed, () -> check(seed, 5 + (int) (seed % 60))));
  }

  private static void check(long seed, int size) {
    var tree = new RandomTrees(seed, size).file();
    var result = Formatter.format(new ParseResult(tree, List.of(), List.of()));
    assertTrue(result.formatted(), () -> "seed " + seed + ": " + DiagnosticRenderer.render(result.diagnostics(), false)
        + "\n" + tree);
    String text = result.text();
    assertEquals(text, FormatChecks.formatChecked("random.aegis", text), () -> "seed " + seed + ": not idempotent");

    String commented = CommentPropertyTest.withComments("random.aegis", text, new Random(seed));
    FormatChecks.formatChecked("random.aegis (seed " + seed + ", with comments)", commented);
  }
}
