package aegis.plan;

import java.util.List;

/**
 * What {@code aegis apply} finds now, to compare with a saved plan. Build the inputs and reads with
 * {@code Fingerprints.forPlan(saved.id())} — the saved plan's salt — or every hash will differ:
 * <pre>{@code
 * var fp = Fingerprints.forPlan(saved.id());
 * var now = new CurrentState(RunbookSource.of(path, text, commit, deps), EnvironmentRef.of(name, envPath, envText),
 *     PlanInputs.of(realInputs, secretNames, fp), reads.stream().map(r -> LiveRead.of(..., fp)).toList());
 * }</pre>
 *
 * @param reads the live reads made again now (by planning again), in the order they were made
 */
public record CurrentState(RunbookSource runbook, EnvironmentRef environment, PlanInputs inputs, List<LiveRead> reads) {
  public CurrentState {
    if (runbook == null || environment == null || inputs == null) {
      throw new IllegalArgumentException("the current state needs the runbook, environment and inputs");
    }
    reads = reads == null ? List.of() : List.copyOf(reads);
  }
}
