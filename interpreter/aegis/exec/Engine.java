package aegis.exec;

import aegis.adapters.BuiltinRegistry;
import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.eval.Evaluator;
import aegis.eval.Value;
import aegis.eval.ValueJson;
import aegis.exec.journal.Identity;
import aegis.exec.journal.JournalRecord;
import aegis.exec.journal.RunId;
import aegis.exec.journal.RunOutcome;
import aegis.exec.journal.RunStore;
import aegis.exec.journal.SecretRegistry;
import aegis.exec.lock.EnvironmentLock;
import aegis.exec.lock.EnvironmentLocks;
import aegis.exec.lock.LockException;
import aegis.plan.EnvironmentRef;
import aegis.plan.Fingerprints;
import aegis.plan.Plan;
import aegis.plan.PlanBuilder;
import aegis.plan.PlanInputs;
import aegis.plan.RunbookSource;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans and applies loaded runbooks: the one place that puts the evaluator, the runner, the
 * built-ins, the plan builder, the journal and the environment lock together.
 */
public final class Engine {
  /** How an apply ended, and where its journal is. */
  public record Outcome(RunId runId, RunOutcome outcome, Diagnostic failure) {}

  private final BuiltinRegistry builtins;
  private final RunStore runs;
  private final EnvironmentLocks locks;
  private final String aegisVersion;
  private final Clock clock;

  public Engine(BuiltinRegistry builtins, RunStore runs, EnvironmentLocks locks, String aegisVersion, Clock clock) {
    this.builtins = builtins;
    this.runs = runs;
    this.locks = locks;
    this.aegisVersion = aegisVersion;
    this.clock = clock;
  }

  /** Plans the runbook: reads run (unless offline), writes become planned actions. */
  public Plan plan(Workspace.Loaded loaded, Map<String, Value> inputs, boolean offline, RunListener extra) {
    return plan(loaded, inputs, offline, extra, Plan.newId());
  }

  /**
   * Why a saved plan may no longer be applied: it plans again now, with the saved plan's
   * fingerprint salt, and compares sources, inputs and every live read. Empty when it is fresh.
   */
  public List<String> staleness(Plan saved, Workspace.Loaded loaded, Map<String, Value> inputs) {
    Plan now = plan(loaded, inputs, saved.offline(), null, saved.id());
    var current = new aegis.plan.CurrentState(now.runbook(), now.environment(), now.inputs(), now.liveReads());
    return aegis.plan.PlanStaleness.compare(saved, current);
  }

  private Plan plan(Workspace.Loaded loaded, Map<String, Value> inputs, boolean offline, RunListener extra, String id) {
    var fingerprints = Fingerprints.forPlan(id);
    var builder = new PlanBuilder(fingerprints);
    var listener = extra == null ? builder : new Listeners(List.of(builder, extra));
    var options = RunOptions.plan(offline).withClock(clock);
    var result = execute(loaded, inputs, options, listener, new SecretRegistry());
    if (result.failure() != null) builder.diagnostic(result.failure());
    return builder.build(id, clock.instant(), aegisVersion, source(loaded), environment(loaded),
        PlanInputs.of(realJson(inputs), secretNames(inputs), fingerprints), offline);
  }

  /**
   * Applies the runbook under the environment's lock, journalling every step.
   *
   * @param plan the plan being applied, or null (a read-only runbook run directly)
   */
  public Outcome apply(Workspace.Loaded loaded, Map<String, Value> inputs, RunOptions options, Plan plan,
                       RunListener display) throws IOException, LockException {
    String env = loaded.environmentName();
    RunId runId = runs.newRunId();
    var secrets = new SecretRegistry();
    registerSecrets(inputs, secrets);
    try (EnvironmentLock lock = locks.acquire(env, runId)) {
      warnTakeover(lock, loaded, display);
      var started = new JournalRecord.RunStarted(clock.instant(), runId, loaded.runbookLabel(),
          Fingerprints.sha256(loaded.runbook().source().text()), loaded.gitCommit(), env, redactedJson(inputs), Identity.current(),
          aegisVersion, plan == null ? null : plan.id(), plan == null ? null : Fingerprints.sha256(aegis.plan.PlanJson.write(plan)));
      try (var writer = runs.create(started, secrets)) {
        var journal = new JournalListener(writer, clock);
        var listener = display == null ? journal : new Listeners(List.of(journal, display));
        var result = execute(loaded, inputs, options.withClock(clock), listener, secrets);
        String summary = result.failure() == null ? null : result.failure().message();
        journal.append(new JournalRecord.RunFinished(clock.instant(), result.outcome(), summary));
        return new Outcome(runId, result.outcome(), result.failure());
      }
    }
  }

  /** Continues a run that stopped (a crash, or an approval gate) after its last completed step. */
  public Outcome resume(RunId runId, Workspace.Loaded loaded, Map<String, Value> inputs, RunOptions options,
                        RunListener display) throws IOException, LockException {
    var secrets = new SecretRegistry();
    registerSecrets(inputs, secrets);
    var completed = runs.completedSteps(runId);
    try (EnvironmentLock lock = locks.acquire(loaded.environmentName(), runId)) {
      warnTakeover(lock, loaded, display);
      try (var writer = runs.reopen(runId, secrets)) {
        var journal = new JournalListener(writer, clock);
        journal.append(new JournalRecord.RunResumed(clock.instant(), Identity.current(), aegisVersion,
            new ArrayList<>(completed), writer.discardedBytes()));
        var listener = display == null ? journal : new Listeners(List.of(journal, display));
        var done = new HashSet<String>();
        completed.forEach(s -> done.add(s.value()));
        var result = execute(loaded, inputs, options.resuming(done).withClock(clock), listener, secrets);
        String summary = result.failure() == null ? null : result.failure().message();
        journal.append(new JournalRecord.RunFinished(clock.instant(), result.outcome(), summary));
        return new Outcome(runId, result.outcome(), result.failure());
      }
    }
  }

  /** A lock taken over from a dead run says so: that run may have left work half done. */
  private static void warnTakeover(EnvironmentLock lock, Workspace.Loaded loaded, RunListener display) {
    if (display == null) return;
    lock.takeoverWarning().ifPresent(warning -> display.diagnostic(new Diagnostic(Code.AEG404,
        aegis.diagnostics.Severity.WARNING, aegis.syntax.Span.fileStart(loaded.runbook().source()), warning,
        List.of("check what the earlier run did: aegis runs show RUN_ID"), List.of())));
  }

  private Runner.Result execute(Workspace.Loaded loaded, Map<String, Value> inputs, RunOptions options,
                                RunListener listener, SecretRegistry secrets) {
    try (var resources = new RunResources()) {
      var dir = loaded.runbook().source().path().getParent();
      var gate = new ExternGate(builtins, options, listener, resources, secrets, loaded.environmentValue(), loaded.files(), dir);
      var evaluator = new Evaluator(gate, loaded.modules(), loaded.runbook());
      return new Runner(loaded.runbook(), evaluator, options, listener, List.of()).run(inputs);
    }
  }

  /**
   * What a plan records of the runbook: its name (a path, or its {@code git+} URL and commit), its
   * text's hash and the hashes of the files it depends on.
   */
  public static RunbookSource source(Workspace.Loaded loaded) {
    var deps = new ArrayList<RunbookSource.FileDigest>();
    loaded.dependencies().forEach((path, text) -> deps.add(RunbookSource.FileDigest.of(loaded.recordedPath(path), text)));
    return RunbookSource.of(loaded.runbookLabel(), loaded.runbook().source().text(), loaded.gitCommit(), deps);
  }

  public static EnvironmentRef environment(Workspace.Loaded loaded) {
    return EnvironmentRef.of(loaded.environmentName(), loaded.recordedPath(loaded.environmentPath()),
        loaded.environment().source().text());
  }

  /** Inputs as JSON with secrets in clear, only ever hashed (never stored or shown). */
  static ObjectNode realJson(Map<String, Value> inputs) {
    var node = JsonNodeFactory.instance.objectNode();
    inputs.forEach((k, v) -> node.set(k, v instanceof Value.Secret s ? JsonNodeFactory.instance.textNode(s.reveal())
        : inputJson(v)));
    return node;
  }

  static ObjectNode redactedJson(Map<String, Value> inputs) {
    var node = JsonNodeFactory.instance.objectNode();
    inputs.forEach((k, v) -> node.set(k, inputJson(v)));
    return node;
  }

  /** An input as recorded: the environment by its name (its text is hashed separately), the rest as JSON. */
  private static com.fasterxml.jackson.databind.JsonNode inputJson(Value v) {
    if (v instanceof Value.Rec r && r.type().equals("Environment")) return JsonNodeFactory.instance.textNode(r.get("name").show());
    return ValueJson.toJson(v);
  }

  private static Set<String> secretNames(Map<String, Value> inputs) {
    var out = new HashSet<String>();
    inputs.forEach((k, v) -> { if (v instanceof Value.Secret) out.add(k); });
    return out;
  }

  private static void registerSecrets(Map<String, Value> inputs, SecretRegistry secrets) {
    inputs.values().forEach(v -> { if (v instanceof Value.Secret s) secrets.register(s.reveal()); });
  }

  /** Whether the runbook changes anything at all: a read-only runbook is run directly, without a plan. */
  public static boolean changesSystems(Workspace.Loaded loaded) {
    var effect = loaded.runbook().effect();
    return effect == aegis.syntax.ast.Effect.WRITE || effect == aegis.syntax.ast.Effect.DESTRUCTIVE;
  }

}
