package aegis.bench;

import aegis.adapters.Builtins;
import aegis.e2e.TestEnvironment;
import aegis.eval.Value;
import aegis.exec.Engine;
import aegis.exec.Inputs;
import aegis.exec.RunOptions;
import aegis.exec.Workspace;
import aegis.exec.journal.AegisHome;
import aegis.exec.journal.RunOutcome;
import aegis.exec.journal.RunStore;
import aegis.exec.lock.EnvironmentLocks;
import aegis.types.Checker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the interpreter itself costs, without I/O to any system: per step, and per call of a pure
 * built-in ({@code size}), through the real {@link Engine} (checker, evaluator, runner, extern
 * gate, journal and lock). Targets: below 20 µs each.
 *
 * <ul>
 *   <li>{@code applyPerStep}: a runbook of {@value #STEPS} steps, each one trivial check, applied;
 *       the score is per step. The journal (two records per step, each forced to disk) is kept
 *       in {@code /dev/shm} when there is one, so the disk's fsync is left out; the run's fixed
 *       costs (lock, journal creation) are shared by its steps.</li>
 *   <li>{@code planPerStep}: the same runbook planned (the plan document instead of the journal).</li>
 *   <li>{@code pureCallPerIteration} and {@code loopPerIteration}: one step with a loop of
 *       {@value #CALLS} iterations, whose body is {@code let n = xs.size()} and {@code let n = 1};
 *       the difference is the cost of one built-in call.</li>
 * </ul>
 *
 * <p>Run with {@code src/test/bench/interpreter.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class InterpreterBenchmark {
  static final int STEPS = 200;
  static final int CALLS = 1000;

  private Path dir;
  private AegisHome home;
  private Engine engine;
  private Workspace.Loaded steps;
  private Workspace.Loaded calls;
  private Workspace.Loaded loop;
  private Map<String, Value> inputs;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path shm = Path.of("/dev/shm");
    dir = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "aegis-bench") : Files.createTempDirectory("aegis-bench");
    new TestEnvironment("bench", "http://127.0.0.1:1", List.of(), 1, "postgres", "UNUSED", "bolt://127.0.0.1:1", "neo4j",
        "UNUSED").write(dir);
    String stepText = IntStream.rangeClosed(1, STEPS)
        .mapToObj(i -> "step \"step " + i + "\" {\n  check " + i + " > 0 else fail \"never\"\n}\n")
        .collect(Collectors.joining());
    String items = IntStream.rangeClosed(1, CALLS).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    var workspace = new Workspace(Checker.standard(), dir);
    steps = load(workspace, "steps.aegis", "runbook steps \"Many steps\"\nparam env: Environment\n" + stepText);
    calls = load(workspace, "calls.aegis", loopRunbook("calls", items, "xs.size()"));
    loop = load(workspace, "loop.aegis", loopRunbook("loop", items, "1"));
    inputs = Inputs.parse(steps.runbook().params(), List.of(), steps.environmentValue(), Map.of());
    home = new AegisHome(dir.resolve(".aegis"));
    engine = new Engine(Builtins.registry(), new RunStore(home), new EnvironmentLocks(home), "bench", Clock.systemUTC());
  }

  private static String loopRunbook(String name, String items, String body) {
    return """
        runbook %s "A loop"
        param env: Environment
        let xs = [1, 2, 3]
        step "loop" {
          for i in [%s] {
            let n = %s
          }
        }
        """.formatted(name, items, body);
  }

  private Workspace.Loaded load(Workspace workspace, String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
    return workspace.load(dir.resolve(name), "bench");
  }

  /** Journals of finished runs pile up; each iteration starts with none. */
  @TearDown(Level.Iteration)
  public void removeJournals() throws IOException {
    deleteTree(home.runs());
  }

  @TearDown(Level.Trial)
  public void removeAll() throws IOException {
    deleteTree(dir);
  }

  @Benchmark
  @OperationsPerInvocation(STEPS)
  public RunOutcome applyPerStep() throws Exception {
    return succeeded(engine.apply(steps, inputs, RunOptions.apply(), null, null));
  }

  @Benchmark
  @OperationsPerInvocation(STEPS)
  public Object planPerStep() {
    return engine.plan(steps, inputs, false, null);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public RunOutcome pureCallPerIteration() throws Exception {
    return succeeded(engine.apply(calls, inputs, RunOptions.apply(), null, null));
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public RunOutcome loopPerIteration() throws Exception {
    return succeeded(engine.apply(loop, inputs, RunOptions.apply(), null, null));
  }

  private static RunOutcome succeeded(Engine.Outcome o) {
    if (o.outcome() != RunOutcome.SUCCEEDED) throw new IllegalStateException("the run failed: " + o.failure());
    return o.outcome();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
