package aegis.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.types.Checker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property: whatever the text, {@link Parser#parse} and {@code Checker.standard().check} answer
 * with diagnostics only: nothing thrown, no internal-error AEG299, no hang, and every diagnostic
 * (and every place it relates to) lies inside its file, {@code 0 <= start <= end <= length}. The
 * inputs are mutations of every runbook, environment, stdlib module and golden input
 * ({@link Mutator}).
 *
 * <p>Each case has its own seed, shown in its name and in a failure, which writes the input to
 * {@code target/fuzz-failures/}. System properties: {@code fuzz.cases} (default 3000),
 * {@code fuzz.seed} (the first case's seed; {@code random} for a new one each run), and
 * {@code fuzz.hangSeconds} (default 60: a hang detector, generous for a loaded CI machine). Reproduce one case with
 * {@code -Dfuzz.seed=SEED -Dfuzz.cases=1}. The hang bound is a watchdog for loops that never end,
 * not a speed requirement: a case normally takes milliseconds.
 */
class ParserFuzzTest {
  private static final int CASES = Integer.getInteger("fuzz.cases", 3000);
  private static final long FIRST_SEED = firstSeed(System.getProperty("fuzz.seed", "0x5eedae61"));
  private static final long HANG_SECONDS = Long.getLong("fuzz.hangSeconds", 60);
  /** Spreads consecutive case numbers over the seed space (the golden-ratio increment SplittableRandom uses). */
  private static final long GAMMA = 0x9E3779B97F4A7C15L;
  private static final Path FAILURES = Path.of("target/fuzz-failures");

  private static Mutator mutator;
  private static ExecutorService worker;

  @BeforeAll
  static void load() {
    var corpus = Corpus.load(Path.of("").toAbsolutePath());
    assertTrue(corpus.seeds().size() >= 50, "the corpus should hold every runbook and golden input: " + corpus.seeds().size());
    mutator = new Mutator(corpus);
    worker = newWorker();
  }

  @AfterAll
  static void stop() {
    worker.shutdownNow();
  }

  @TestFactory
  Stream<DynamicTest> brokenInputGivesDiagnosticsOnly() {
    return IntStream.range(0, CASES).mapToObj(i -> {
      long seed = FIRST_SEED + i * GAMMA;
      return DynamicTest.dynamicTest("case " + i + " seed " + hex(seed), () -> runCase(seed));
    });
  }

  private static void runCase(long seed) throws Exception {
    var input = mutator.next(new SplittableRandom(seed));
    var file = SourceFile.virtual(input.name(), input.text());
    var task = worker.submit(() -> parseAndCheck(file));
    List<Diagnostic> diagnostics;
    try {
      diagnostics = task.get(HANG_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException hang) {
      task.cancel(true);
      worker.shutdownNow();
      worker = newWorker(); // the stuck thread is a daemon and is left behind
      throw failure(seed, input, "did not finish within " + HANG_SECONDS + " s (a hang?)", null);
    } catch (ExecutionException e) {
      throw failure(seed, input, "threw " + e.getCause(), e.getCause());
    }
    try {
      checkInvariants(file, diagnostics);
    } catch (AssertionError e) {
      throw failure(seed, input, e.getMessage(), e);
    }
  }

  /** Both stages, and the terminal rendering, which must cope with every span they give. */
  private static List<Diagnostic> parseAndCheck(SourceFile file) {
    var parsed = Parser.parse(file);
    assertNotNull(parsed.ast(), "the parser always gives a tree");
    var all = new ArrayList<>(parsed.diagnostics());
    all.addAll(Checker.standard().check(file).diagnostics());
    DiagnosticRenderer.render(all, false);
    return all;
  }

  private static void checkInvariants(SourceFile input, List<Diagnostic> diagnostics) {
    for (var d : diagnostics) {
      assertFalse(d.code() == Code.AEG299, () -> "internal checker error: " + d.message());
      assertNotNull(d.message(), "a diagnostic without a message");
      assertFalse(d.message().isBlank(), () -> d.code() + " with a blank message");
      inside(input, d.span(), d);
      for (var related : d.related()) inside(input, related.span(), d);
    }
  }

  /** A span inside its file; a diagnostic in the input itself must be about the input's text. */
  private static void inside(SourceFile input, Span span, Diagnostic d) {
    assertNotNull(span, () -> d.code() + " without a span");
    int length = span.file().text().length();
    assertTrue(0 <= span.start() && span.start() <= span.end() && span.end() <= length,
        () -> d.code() + " span " + span.start() + ".." + span.end() + " outside " + span.file().name()
            + " (length " + length + "): " + d.message());
    if (span.file().name().equals(input.name())) {
      assertTrue(span.file().text().equals(input.text()), () -> d.code() + " points into another text named like the input");
    }
  }

  private static AssertionError failure(long seed, Corpus.Seed input, String what, Throwable cause) {
    String saved;
    try {
      Files.createDirectories(FAILURES);
      Path file = FAILURES.resolve(hex(seed) + ".aegis");
      Files.writeString(file, input.text(), StandardCharsets.UTF_8);
      saved = "input (mutated from " + input.name() + ") written to " + file;
    } catch (IOException e) {
      saved = "input could not be saved: " + e;
    }
    var error = new AssertionError("seed " + hex(seed) + ": " + what + "\n" + saved
        + "\nreproduce: ./mvnw -o test -Dtest=ParserFuzzTest -Dfuzz.seed=" + hex(seed) + " -Dfuzz.cases=1", cause);
    return error;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      var t = new Thread(r, "fuzz-case");
      t.setDaemon(true);
      return t;
    });
  }

  private static long firstSeed(String property) {
    if (property.equals("random")) {
      long seed = new SplittableRandom().nextLong();
      System.out.println("ParserFuzzTest: fuzz.seed=" + hex(seed));
      return seed;
    }
    return Long.parseUnsignedLong(property.replaceFirst("^0x", ""), 16);
  }

  private static String hex(long seed) { return "0x" + Long.toHexString(seed); }
}
