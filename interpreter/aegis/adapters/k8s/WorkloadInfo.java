package aegis.adapters.k8s;

import java.util.List;
import java.util.Map;

/** A Deployment or StatefulSet ({@code k8s.Workload}). */
public record WorkloadInfo(String name, String kind, int replicas, int ready, List<String> images, long revision,
                           Map<String, String> labels) {}
