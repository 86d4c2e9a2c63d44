package aegis.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a planned action is conditional: it depends on values that only an apply would produce.
 * The action will run, but what it does is not fully known until those values exist.
 */
public record Conditional(List<Source> dependsOn) {

  /**
   * One unknown value an action depends on.
   *
   * @param what     e.g. {@code result of k8s.apply}
   * @param location where in the runbook the value was produced: {@code deploy.aegis:42:5}
   */
  public record Source(String what, String location) {
    public String describe() {
      return location == null || location.isBlank() ? what : what + " at " + location;
    }
  }

  public Conditional {
    if (dependsOn == null || dependsOn.isEmpty()) throw new IllegalArgumentException("a conditional action depends on at least one unknown value");
    dependsOn = List.copyOf(dependsOn);
  }

  public static Conditional on(String what, String location) {
    return new Conditional(List.of(new Source(what, location)));
  }

  /** {@code known after apply: result of k8s.apply at deploy.aegis:42:5}. */
  public String describe() {
    return "known after apply: " + dependsOn.stream().map(Source::describe).collect(Collectors.joining("; "));
  }
}
