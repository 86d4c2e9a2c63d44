package aegis.exec.journal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A step's identity across runs of the same runbook, e.g. {@code 4.2:deploy graph-engine}: the
 * ordinal path of the step in the runbook (1-based; one number per enclosing {@code for}
 * iteration or {@code run} of another runbook) and its evaluated name. Resume matches steps by
 * this id, so it must be computed the same way each time: it depends only on the runbook text and
 * inputs, never on time or on the order in which parallel steps happened to finish.
 *
 * @param value the id as stored in the journal
 */
public record StepId(String value) {
  public StepId {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("a step id cannot be blank");
  }

  /** The id of the step named {@code name} at {@code ordinalPath}, e.g. {@code [4, 2]}. */
  public static StepId of(List<Integer> ordinalPath, String name) {
    if (ordinalPath.isEmpty()) throw new IllegalArgumentException("a step id needs an ordinal path");
    return new StepId(ordinalPath.stream().map(String::valueOf).collect(Collectors.joining(".")) + ":" + name);
  }

  @Override public String toString() { return value; }
}
