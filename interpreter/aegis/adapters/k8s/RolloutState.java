package aegis.adapters.k8s;

import java.util.List;

/** Where a rollout stands ({@code k8s.RolloutStatus}). {@code kind} is {@code Deployment} or {@code StatefulSet}. */
public record RolloutState(String name, String kind, long revision, int desired, int updated, int ready, int available,
                           boolean complete, boolean failed, String reason, String message, List<PodInfo> failingPods) {

  /** Whether waiting any longer can change the outcome. */
  public boolean settled() { return complete || failed; }

  /** One line for progress output, e.g. {@code api-gateway: 2/3 updated, 1 ready, 1 available}. */
  public String summary() {
    String s = name + ": " + updated + "/" + desired + " updated, " + ready + " ready, " + available + " available";
    if (complete) return s + " (complete)";
    return reason == null ? s : s + " (" + reason + ")";
  }

  /** This state, stuck: the wait ran out before the rollout finished or failed. */
  RolloutState timedOut(java.time.Duration waited) {
    return new RolloutState(name, kind, revision, desired, updated, ready, available, false, false, "Timeout",
        "the rollout did not finish within " + aegis.eval.Durations.format(waited) + ": " + updated + " of " + desired
            + " replicas updated, " + available + " available" + (message == null ? "" : "; " + message), failingPods);
  }
}
