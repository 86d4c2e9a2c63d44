package aegis.plan;

import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A {@code write} or {@code destructive} call that the plan did not run: what it would do to which
 * target, the desired and live state, and the field-level diff between them. Trees are stored
 * redacted (see {@link PlanValues#redact}); build actions with {@link #diffed} so the diff is
 * computed on the real values before they are redacted.
 *
 * @param id          unique in the plan: {@code a1}, {@code a2}, ...
 * @param step        the {@link PlannedStep#id} of the step it belongs to
 * @param call        the built-in that would run: {@code k8s.apply}, {@code pg.vacuumAnalyze}
 * @param target      what it acts on
 * @param effect      {@code WRITE} or {@code DESTRUCTIVE} (destructive actions need approval)
 * @param operation   create, update, delete, noop or run
 * @param description one line for people: {@code VACUUM ANALYZE aegisshield: 14 tables, 3 never vacuumed};
 *                    may be null
 * @param desired     the state the runbook wants, or null (a delete, a command)
 * @param live        the state read from the system, or null (it does not exist, or was not read)
 * @param diff        field changes from {@code live} to {@code desired}
 * @param conditional null, or the unknown values this action depends on
 * @param location    where the call is in the runbook: {@code deploy.aegis:42:5}
 */
public record PlannedAction(String id, String step, String call, Target target, Effect effect, Operation operation,
                            String description, JsonNode desired, JsonNode live, List<FieldChange> diff,
                            Conditional conditional, String location) {
  public PlannedAction {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("an action needs an id");
    if (step == null || step.isBlank()) throw new IllegalArgumentException("action " + id + " needs a step");
    if (target == null || operation == null) throw new IllegalArgumentException("action " + id + " needs a target and an operation");
    if (effect != Effect.WRITE && effect != Effect.DESTRUCTIVE) {
      throw new IllegalArgumentException("action " + id + " has effect " + effect + "; planned actions are write or destructive");
    }
    desired = orNull(desired);
    live = orNull(live);
    diff = diff == null ? List.of() : List.copyOf(diff);
  }

  /**
   * An action whose diff is computed from the real {@code live} and {@code desired} trees with apply
   * ({@link JsonDiff#merge merge}) semantics; the trees are stored {@link PlanValues#redact redacted}.
   */
  public static PlannedAction diffed(String id, String step, String call, Target target, Effect effect,
                                     Operation operation, String description, JsonNode desired, JsonNode live,
                                     Conditional conditional, String location) {
    List<FieldChange> diff = operation == Operation.DELETE ? JsonDiff.between(live, null) : JsonDiff.merge(live, desired);
    return new PlannedAction(id, step, call, target, effect, operation, description,
        PlanValues.redact(desired), PlanValues.redact(live), diff, conditional, location);
  }

  /** Applying it changes something (everything but {@link Operation#NOOP}). */
  public boolean changes() {
    return operation != Operation.NOOP;
  }

  public boolean destructive() {
    return effect == Effect.DESTRUCTIVE;
  }

  static JsonNode orNull(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }
}
