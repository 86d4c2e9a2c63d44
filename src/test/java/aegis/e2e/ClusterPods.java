package aegis.e2e;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Pods in a Kubernetes API (fabric8's mock server, {@code aegis.testing.k8s.MockCluster}) with the
 * status a kubelet would report, for the real {@code k8s} adapter to read: created, then given
 * their status through the status sub-resource, as a real cluster's kubelet does.
 */
public final class ClusterPods {
  /** A pod of one container; {@code reason} is the container's waiting reason ({@code CrashLoopBackOff}), or null. */
  public record Pod(String name, String phase, boolean ready, int restarts, String reason) {
    public static Pod healthy(String name) { return new Pod(name, "Running", true, 0, null); }
  }

  private ClusterPods() {}

  /** Creates {@code namespace} and its {@code pods}. */
  public static void seed(KubernetesClient client, String namespace, List<Pod> pods) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
    for (Pod p : pods) {
      var created = client.pods().inNamespace(namespace).resource(new PodBuilder()
          .withNewMetadata().withName(p.name()).withNamespace(namespace).addToLabels("app", p.name()).endMetadata()
          .withNewSpec().withNodeName("node-1").addNewContainer().withName("main").withImage("aegisshield/" + p.name() + ":1.0.0")
          .endContainer().endSpec()
          .build()).create();
      var container = new ContainerStatusBuilder().withName("main").withImage("aegisshield/" + p.name() + ":1.0.0")
          .withReady(p.ready()).withRestartCount(p.restarts());
      if (p.reason() != null) container.withNewState().withNewWaiting().withReason(p.reason()).endWaiting().endState();
      else if (p.phase().equals("Running")) container.withNewState().withNewRunning().endRunning().endState();
      else container.withNewState().withNewTerminated().withReason("Completed").withExitCode(0).endTerminated().endState();
      created.setStatus(new PodStatusBuilder().withPhase(p.phase()).withContainerStatuses(container.build()).build());
      client.pods().inNamespace(namespace).resource(created).updateStatus();
    }
  }
}
