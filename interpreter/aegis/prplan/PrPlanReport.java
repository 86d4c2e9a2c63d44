package aegis.prplan;

import java.util.List;

/**
 * What {@code aegis pr-plan} found: the two commits, the files that differ between them (sorted), and every
 * runbook (in every environment) whose plan they may change, in runbook then environment order.
 *
 * @param offline planned without contacting anything (the default; {@code --live} reads live state)
 */
public record PrPlanReport(Commit base, Commit head, boolean offline, List<String> changedFiles, List<RunbookChange> runbooks) {
  /** A side of the comparison: the ref as given and the commit it named. */
  public record Commit(String ref, String id) {
    /** The first 12 hex digits, as people quote a commit. */
    public String shortId() { return id.substring(0, 12); }
  }

  /** The exit status of {@code aegis pr-plan}. */
  public static final int NO_CHANGES = 0;
  /** A runbook could not be loaded or planned at the head (or something else failed). */
  public static final int ERROR = 1;
  /** At least one plan changes: a runbook is new, gone, or plans different actions. */
  public static final int CHANGES = 2;

  public PrPlanReport {
    changedFiles = List.copyOf(changedFiles);
    runbooks = List.copyOf(runbooks);
  }

  /** {@link #ERROR} when any runbook failed at the head, else {@link #CHANGES} when any plan changes, else {@link #NO_CHANGES}. */
  public int exitCode() {
    if (runbooks.stream().anyMatch(r -> r.status() == RunbookChange.Status.ERROR)) return ERROR;
    return runbooks.stream().anyMatch(RunbookChange::changesPlan) ? CHANGES : NO_CHANGES;
  }

  /** How many runbooks have a status. */
  public long count(RunbookChange.Status status) {
    return runbooks.stream().filter(r -> r.status() == status).count();
  }
}
