package aegis.plan;

import java.util.List;

/**
 * What a plan would do, counted. {@code change} counts updates; {@code run} counts commands
 * without a desired state ({@code VACUUM ANALYZE}); {@code destructive} counts the actions among
 * all those that need approval; {@code conditional} those that depend on unknown values.
 */
public record PlanSummary(int create, int change, int delete, int run, int destructive, int unchanged, int conditional) {

  public static PlanSummary of(List<PlannedAction> actions) {
    int create = 0, change = 0, delete = 0, run = 0, destructive = 0, unchanged = 0, conditional = 0;
    for (PlannedAction a : actions) {
      switch (a.operation()) {
        case CREATE -> create++;
        case UPDATE -> change++;
        case DELETE -> delete++;
        case RUN -> run++;
        case NOOP -> unchanged++;
      }
      if (a.destructive() && a.changes()) destructive++;
      if (a.conditional() != null && a.changes()) conditional++;
    }
    return new PlanSummary(create, change, delete, run, destructive, unchanged, conditional);
  }

  public boolean hasChanges() {
    return create + change + delete + run > 0;
  }

  /** {@code 1 to create, 2 to change, 0 to delete, 1 to run; 1 destructive (needs approval)}. */
  public String describe() {
    if (!hasChanges()) return "no changes";
    var b = new StringBuilder();
    b.append(create).append(" to create, ").append(change).append(" to change, ").append(delete).append(" to delete");
    if (run > 0) b.append(", ").append(run).append(" to run");
    if (destructive > 0) b.append("; ").append(destructive).append(" destructive (needs approval)");
    if (conditional > 0) b.append("; ").append(conditional).append(" conditional");
    return b.toString();
  }
}
