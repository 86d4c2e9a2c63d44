package aegis.bench;

import aegis.syntax.ParseResult;
import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.types.CheckedProgram;
import aegis.types.Checker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Warm throughput of {@link Parser#parse} and of parse + check ({@link Checker#check}, which
 * parses too), both on one thread, and of parse + check on every core as {@code aegis check} does it
 * ({@link Checker#checkEach}), over a generated corpus of at least 100 000 lines of realistic runbooks
 * ({@link RunbookCorpus}). One operation is the whole corpus; {@link #main} turns operations per
 * second into lines per second. Target: at least 500 000 lines/s for parse + check. The load average
 * at the end is printed with the results: on a shared machine the parallel number especially
 * depends on it.
 *
 * <pre>src/test/bench/parse-check.sh</pre>
 * (or {@code java -cp <test classpath> aegis.bench.ParseCheckBenchmark}). Not part of {@code verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseCheckBenchmark {
  static final int MIN_LINES = 100_000;
  static final int LINES_PER_FILE = 500;
  static final long SEED = 0xbe1c4L;

  private List<SourceFile> files;

  @Setup
  public void generate() throws Exception {
    files = corpus();
    for (var f : files) {
      CheckedProgram p = Checker.standard().check(f);
      if (p.hasErrors()) throw new IllegalStateException(f.name() + " of the generated corpus has errors: " + p.diagnostics());
    }
  }

  static List<SourceFile> corpus() throws Exception {
    return RunbookCorpus.generate(Path.of("").toAbsolutePath(), Path.of("target/bench/corpus"), MIN_LINES, LINES_PER_FILE, SEED);
  }

  @Benchmark
  public void parse(Blackhole bh) {
    for (var f : files) {
      ParseResult r = Parser.parse(f);
      bh.consume(r);
    }
  }

  @Benchmark
  public void parseAndCheck(Blackhole bh) {
    var checker = Checker.standard();
    for (var f : files) bh.consume(checker.check(f));
  }

  /**
   * Parse + check as {@code aegis check} does it: {@link Checker#checkEach}, the files spread over
   * the cores (two on the machine the targets are for). Throughput over all of them, not per core.
   */
  @Benchmark
  public void parseAndCheckParallel(Blackhole bh) {
    bh.consume(Checker.standard().checkEach(files));
  }

  /** Runs the three benchmarks and prints lines per second; JMH options (e.g. {@code -wi 1 -i 2}) may be given. */
  public static void main(String[] args) throws Exception {
    int lines = RunbookCorpus.lines(corpus());
    var options = new OptionsBuilder().parent(new CommandLineOptions(args))
        .include(ParseCheckBenchmark.class.getName() + "\\.").build();
    System.out.printf(Locale.ROOT, "corpus: %,d lines of generated runbooks%n", lines);
    for (RunResult r : new Runner(options).run()) {
      var score = r.getPrimaryResult();
      System.out.printf(Locale.ROOT, "%-22s %,12.0f lines/s  (± %,.0f; %.2f corpus/s)%n", r.getParams().getBenchmark().replaceAll(".*\\.", ""),
          score.getScore() * lines, score.getScoreError() * lines, score.getScore());
    }
    var load = Path.of("/proc/loadavg");
    if (Files.isReadable(load)) System.out.println("load average at the end: " + Files.readString(load).strip());
  }
}
