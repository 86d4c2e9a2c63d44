package aegis.plan;

import aegis.syntax.ast.Effect;

/**
 * A step of the runbook as the plan saw it. Its actions point back to it by {@link #id}.
 *
 * @param id       unique in the plan, stable for the same runbook and inputs: {@code s1}, {@code s2}, ...
 * @param name     the step's name with interpolations done: {@code deploy api-gateway}
 * @param effect   the greatest effect of what the step calls
 * @param location where the step is declared: {@code deploy.aegis:12:3}
 */
public record PlannedStep(String id, String name, Effect effect, String location) {
  public PlannedStep {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("a step needs an id");
    if (name == null) throw new IllegalArgumentException("a step needs a name");
    if (effect == null) throw new IllegalArgumentException("a step needs an effect");
  }
}
