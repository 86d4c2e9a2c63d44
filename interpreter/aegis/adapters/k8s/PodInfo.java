package aegis.adapters.k8s;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pod as runbooks see it ({@code k8s.Pod}): small enough that thousands fit in memory, unlike
 * the full API objects they are made from.
 */
public record PodInfo(String name, String namespace, String phase, boolean ready, int restarts, String node,
                      String reason, String message, Instant created, Map<String, String> labels,
                      List<ContainerInfo> containers) {

  /** One container's state ({@code k8s.ContainerStatus}). */
  public record ContainerInfo(String name, String image, boolean ready, int restarts, String state, String reason,
                              String message, String lastTerminationReason) {}

  /** Healthy: running with every container ready, or finished successfully. */
  public boolean healthy() { return reason == null; }
}
