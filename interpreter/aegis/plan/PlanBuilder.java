package aegis.plan;

import aegis.adapters.ActionPreview;
import aegis.diagnostics.Diagnostic;
import aegis.exec.RunListener;
import aegis.exec.StepRef;
import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Listens to a run in plan mode and builds the {@link Plan}: steps, planned actions with their
 * diffs, fingerprinted live reads and warnings. Parallel loops report in any order; the plan is
 * put in runbook order (by the statements' ordinal paths) so that the same runbook and inputs
 * give the same plan.
 */
public final class PlanBuilder implements RunListener {
  /** Where actions outside any step go (reads and writes at the top of a runbook). */
  static final String TOP_LEVEL = "0:(top level)";

  private record Pending(String path, int seq, String step, String call, Effect effect, ActionPreview preview,
                         String conditional, String location) {}

  private final Fingerprints fingerprints;
  private final Map<String, PlannedStep> steps = new LinkedHashMap<>();
  private final List<Pending> actions = new ArrayList<>();
  private final List<LiveRead> reads = new ArrayList<>();
  /** In the order reported; a loop reporting the same thing at the same place each iteration gives one. */
  private final java.util.Set<PlanDiagnostic> diagnostics = new java.util.LinkedHashSet<>();

  public PlanBuilder(Fingerprints fingerprints) {
    this.fingerprints = fingerprints;
  }

  @Override
  public synchronized void stepStarted(StepRef step, int attempt) {
    steps.putIfAbsent(step.id().value(), new PlannedStep(step.id().value(), step.name(), step.effect(), step.location()));
  }

  @Override
  public synchronized void planned(StepRef step, String path, String call, Effect effect, ActionPreview preview,
                                   String conditional, String location) {
    String stepId = step == null ? TOP_LEVEL : step.id().value();
    if (step == null) steps.putIfAbsent(TOP_LEVEL, new PlannedStep(TOP_LEVEL, "(top level)", effect, null));
    actions.add(new Pending(path, actions.size(), stepId, call, effect, preview, conditional, location));
  }

  @Override
  public synchronized void liveRead(String call, JsonNode args, JsonNode result, String location) {
    reads.add(LiveRead.of(call, args, result, location, fingerprints));
  }

  @Override
  public synchronized void diagnostic(Diagnostic d) {
    diagnostics.add(PlanDiagnostic.from(d));
  }

  /** The steps, in runbook order. */
  public synchronized List<PlannedStep> steps() {
    var all = new ArrayList<>(steps.values());
    all.sort(Comparator.comparing(s -> ordinal(s.id()), PlanBuilder::compareOrdinals));
    return all;
  }

  /** The actions, in runbook order, numbered {@code a1, a2, ...}. */
  public synchronized List<PlannedAction> actions() {
    var sorted = new ArrayList<>(actions);
    sorted.sort(Comparator.comparing((Pending p) -> p.path, PlanBuilder::compareOrdinals).thenComparingInt(p -> p.seq));
    var out = new ArrayList<PlannedAction>(sorted.size());
    int n = 1;
    for (var p : sorted) {
      String system = p.call.substring(0, p.call.indexOf('.'));
      var target = new Target(system, null, null, null, p.preview.target());
      var conditional = p.conditional == null ? null : Conditional.on(p.conditional, null);
      out.add(PlannedAction.diffed("a" + n++, p.step, p.call, target, p.effect, operation(p.preview.operation()),
          p.preview.description(), p.preview.desired(), p.preview.live(), conditional, p.location));
    }
    return out;
  }

  /** Live reads, in the order they were made. */
  public synchronized List<LiveRead> reads() {
    var sorted = new ArrayList<>(reads);
    sorted.sort(Comparator.comparing(LiveRead::location, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(r -> r.args().toString()));
    return sorted;
  }

  public synchronized List<PlanDiagnostic> diagnostics() { return List.copyOf(diagnostics); }

  /** The finished plan document. */
  public Plan build(String id, Instant createdAt, String aegisVersion, RunbookSource runbook, EnvironmentRef environment,
                    PlanInputs inputs, boolean offline) {
    return new Plan(Plan.SCHEMA_VERSION, id, createdAt, aegisVersion, runbook, environment, inputs, offline, steps(),
        actions(), reads(), diagnostics());
  }

  static Operation operation(String word) {
    return switch (word == null ? "" : word.toLowerCase(Locale.ROOT)) {
      case "create" -> Operation.CREATE;
      case "update", "change" -> Operation.UPDATE;
      case "delete" -> Operation.DELETE;
      case "noop", "none" -> Operation.NOOP;
      default -> Operation.RUN;
    };
  }

  private static String ordinal(String stepId) {
    int colon = stepId.indexOf(':');
    return colon < 0 ? stepId : stepId.substring(0, colon);
  }

  /** Compares {@code 7.10.1} and {@code 7.2} as number sequences. */
  public static int compareOrdinals(String a, String b) {
    String[] x = a.isEmpty() ? new String[0] : a.split("\\.");
    String[] y = b.isEmpty() ? new String[0] : b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      if (c != 0) return c;
    }
    return Integer.compare(x.length, y.length);
  }
}
