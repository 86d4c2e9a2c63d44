package aegis.prplan;

import aegis.plan.Plan;
import java.util.List;

/** What planning a runbook in an environment gave at one of the two commits. */
public sealed interface Side {
  /** The runbook or the environment is not in that commit. */
  record Absent() implements Side {}

  /** The runbook was planned (the plan holds no errors). */
  record Planned(Plan plan) implements Side {}

  /** The runbook could not be loaded or planned; each problem is one line with its place. */
  record Failed(List<String> problems) implements Side {
    public Failed {
      problems = List.copyOf(problems);
    }
  }

  /** The runbook was not planned: it needs an input nobody gave (a param without a default). */
  record Skipped(String reason) implements Side {}
}
