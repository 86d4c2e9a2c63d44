package aegis.prplan;

import aegis.plan.FieldChange;
import aegis.plan.PlannedAction;
import java.util.List;

/**
 * One planned action that differs between the base and the head plan of a runbook.
 *
 * @param step   the step's name (steps are matched by name, their ids are positions)
 * @param before the action in the base plan; null when it is new
 * @param after  the action in the head plan; null when it is gone
 * @param fields how its desired state changed (for a new or gone action: every field it sets)
 */
public record ActionChange(Kind kind, String step, PlannedAction before, PlannedAction after, List<FieldChange> fields) {
  /** What happened to the action between base and head. */
  public enum Kind {
    ADDED("+", "added"), REMOVED("-", "removed"), CHANGED("~", "changed");

    final String symbol;
    final String word;

    Kind(String symbol, String word) {
      this.symbol = symbol;
      this.word = word;
    }
  }

  public ActionChange {
    fields = List.copyOf(fields);
  }

  /** The action as it is now, or as it was when it is gone. */
  public PlannedAction action() { return after != null ? after : before; }
}
