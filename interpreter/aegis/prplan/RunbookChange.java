package aegis.prplan;

import java.util.List;

/**
 * One runbook in one environment that a pull request affects, and how its plan changes.
 *
 * @param runbook     its path in the repository
 * @param environment the environment's name
 * @param because     the changed files it depends on (itself, a module, a runbook it runs, the environment, a template)
 * @param base        the plan at the base commit
 * @param head        the plan at the head commit
 * @param changes     the planned actions that differ, when both were planned (or all of one side's, when new or gone)
 */
public record RunbookChange(String runbook, String environment, Status status, List<String> because, Side base, Side head,
                            List<ActionChange> changes) {
  /** What the pull request does to this plan. */
  public enum Status {
    CHANGED("~", "changed"), ADDED("+", "new"), REMOVED("-", "removed"), ERROR("!", "error"), SKIPPED("?", "not planned"),
    UNCHANGED("=", "unchanged");

    /** The mark in the summary table. */
    public final String symbol;
    /** The word in the summary table and the JSON document. */
    public final String word;

    Status(String symbol, String word) {
      this.symbol = symbol;
      this.word = word;
    }
  }

  public RunbookChange {
    because = List.copyOf(because);
    changes = List.copyOf(changes);
  }

  /** Whether applying the head would do something different from applying the base. */
  public boolean changesPlan() {
    return status == Status.CHANGED || status == Status.ADDED || status == Status.REMOVED;
  }

  /** How many changes of a kind. */
  public long count(ActionChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }
}
