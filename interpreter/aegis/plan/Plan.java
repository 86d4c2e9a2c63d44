package aegis.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A plan document: what {@code aegis plan} found and what {@code aegis apply PLANFILE} will do.
 * It records enough to refuse a stale plan (source hashes, input hashes, live-read fingerprints,
 * see {@link PlanStaleness}) and never holds a secret. Its JSON form is versioned by
 * {@link #schemaVersion} and described by the schema {@link PlanJson#SCHEMA_RESOURCE}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} for plans this aegis writes
 * @param id            unique per plan; also the salt of its {@link Fingerprints}
 * @param aegisVersion  the aegis that made it
 * @param offline       planned with {@code --offline}: every read was unknown, nothing was contacted
 * @param steps         in runbook order
 * @param actions       in the order they would run; each names its step
 * @param liveReads     every read of live state the plan made, fingerprinted
 * @param diagnostics   warnings found while planning
 */
@JsonIgnoreProperties(value = {"summary"}, allowGetters = true)
public record Plan(int schemaVersion, String id, Instant createdAt, String aegisVersion, RunbookSource runbook,
                   EnvironmentRef environment, PlanInputs inputs, boolean offline, List<PlannedStep> steps,
                   List<PlannedAction> actions, List<LiveRead> liveReads, List<PlanDiagnostic> diagnostics) {

  public static final int SCHEMA_VERSION = 1;

  public Plan {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("a plan needs an id");
    if (createdAt == null || runbook == null || environment == null) {
      throw new IllegalArgumentException("a plan needs its creation time, runbook and environment");
    }
    inputs = inputs == null ? new PlanInputs(null, null) : inputs;
    steps = steps == null ? List.of() : List.copyOf(steps);
    actions = actions == null ? List.of() : List.copyOf(actions);
    liveReads = liveReads == null ? List.of() : List.copyOf(liveReads);
    diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    Set<String> stepIds = new HashSet<>();
    for (PlannedStep s : steps) {
      if (!stepIds.add(s.id())) throw new IllegalArgumentException("two steps have the id " + s.id());
    }
    Set<String> actionIds = new HashSet<>();
    for (PlannedAction a : actions) {
      if (!actionIds.add(a.id())) throw new IllegalArgumentException("two actions have the id " + a.id());
      if (!stepIds.contains(a.step())) throw new IllegalArgumentException("action " + a.id() + " names an unknown step " + a.step());
    }
  }

  /** A fresh plan id. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Derived from the actions; written to JSON for machines, ignored when read back. */
  @JsonProperty("summary")
  public PlanSummary summary() {
    return PlanSummary.of(actions);
  }

  public boolean hasChanges() {
    return summary().hasChanges();
  }

  /** The actions of one step, in order. */
  public List<PlannedAction> actionsOf(PlannedStep step) {
    return actions.stream().filter(a -> a.step().equals(step.id())).toList();
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(PlanDiagnostic::error);
  }
}
