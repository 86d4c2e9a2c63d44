package aegis.sandbox.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The kubelet and scheduler of the mock cluster: creates the pods a ReplicaSet or StatefulSet
 * asks for and gives each the status (and the Warning events) of its {@link Outcome}.
 */
final class PodSimulator {
  private final KubernetesClient client;
  private final Function<String, Outcome> outcomes;
  private final Duration readyAfter;

  PodSimulator(KubernetesClient client, Function<String, Outcome> outcomes, Duration readyAfter) {
    this.client = client;
    this.outcomes = outcomes;
    this.readyAfter = readyAfter;
  }

  /** Makes the pods named {@code names} exist with {@code template} and {@code labels}; deletes {@code owner}'s others. */
  List<Pod> ensure(String ns, List<String> names, PodTemplateSpec template, Map<String, String> labels, OwnerReference owner,
                   List<Pod> existing) {
    var byName = new HashMap<String, Pod>();
    for (Pod p : existing) byName.put(p.getMetadata().getName(), p);
    var out = new ArrayList<Pod>();
    for (String name : names) {
      Pod p = byName.remove(name);
      if (p == null) {
        p = client.pods().inNamespace(ns).resource(new PodBuilder()
            .withNewMetadata().withName(name).withNamespace(ns).withLabels(labels).withOwnerReferences(owner).endMetadata()
            .withSpec(template.getSpec())
            .build()).create();
      }
      out.add(status(p));
    }
    for (Pod stale : byName.values()) client.pods().inNamespace(ns).withName(stale.getMetadata().getName()).delete();
    return out;
  }

  /** Brings the pod's status to where its outcome has it now. */
  private Pod status(Pod pod) {
    String image = pod.getSpec().getContainers().getFirst().getImage();
    Outcome outcome = outcomes.apply(image);
    Instant created = Instant.parse(pod.getMetadata().getCreationTimestamp());
    boolean started = !Instant.now().isBefore(created.plus(readyAfter));
    PodStatus wanted = switch (outcome) {
      case READY -> started ? running(pod, true) : creating(pod);
      case STALL -> creating(pod);
      case IMAGE_PULL_BACKOFF -> waiting(pod, "Pending", "ImagePullBackOff", "Back-off pulling image \"" + image + "\"", 0);
      case CRASH_LOOP -> waiting(pod, "Running", "CrashLoopBackOff",
          "back-off 40s restarting failed container=" + pod.getSpec().getContainers().getFirst().getName(), 3);
      case UNSCHEDULABLE -> unschedulable();
    };
    if (pod.getStatus() != null && same(pod.getStatus(), wanted)) return pod;
    pod.setStatus(wanted);
    Pod updated = client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    switch (outcome) {
      case IMAGE_PULL_BACKOFF -> event(pod, "Failed", "Failed to pull image \"" + image + "\": rpc error: code = NotFound desc = manifest unknown");
      case CRASH_LOOP -> event(pod, "BackOff", "Back-off restarting failed container " + pod.getSpec().getContainers().getFirst().getName());
      case UNSCHEDULABLE -> event(pod, "FailedScheduling", wanted.getConditions().getFirst().getMessage());
      default -> { }
    }
    return updated;
  }

  /** Whether two statuses say the same (round trips through the API add and drop empty fields, so compare what matters). */
  private static boolean same(PodStatus a, PodStatus b) {
    return signature(a).equals(signature(b));
  }

  private static String signature(PodStatus s) {
    var out = new StringBuilder(String.valueOf(s.getPhase()));
    for (var c : s.getConditions()) out.append('|').append(c.getType()).append('=').append(c.getStatus()).append(c.getReason());
    for (var c : s.getContainerStatuses()) {
      var state = c.getState();
      String now = state == null ? "?" : state.getRunning() != null ? "running"
          : state.getWaiting() != null ? "waiting:" + state.getWaiting().getReason()
          : state.getTerminated() != null ? "terminated:" + state.getTerminated().getReason() : "?";
      out.append('|').append(c.getName()).append(c.getReady()).append(c.getRestartCount()).append(now);
    }
    return out.toString();
  }

  private PodStatus running(Pod pod, boolean ready) {
    var statuses = new ArrayList<ContainerStatus>();
    for (var c : pod.getSpec().getContainers()) {
      statuses.add(new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withReady(ready)
          .withRestartCount(0).withStarted(true)
          .withNewState().withNewRunning().withStartedAt(pod.getMetadata().getCreationTimestamp()).endRunning().endState()
          .build());
    }
    return new PodStatusBuilder().withPhase("Running").withHostIP("10.0.0.1").withPodIP("10.1.0.1")
        .withConditions(condition("PodScheduled", "True", null, null), condition("Ready", ready ? "True" : "False", null, null))
        .withContainerStatuses(statuses).build();
  }

  private PodStatus creating(Pod pod) {
    return waiting(pod, "Pending", "ContainerCreating", null, 0);
  }

  private PodStatus waiting(Pod pod, String phase, String reason, String message, int restarts) {
    var statuses = new ArrayList<ContainerStatus>();
    for (var c : pod.getSpec().getContainers()) {
      var b = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withReady(false).withRestartCount(restarts)
          .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState();
      if (restarts > 0) b.withNewLastState().withNewTerminated().withReason("Error").withExitCode(1).endTerminated().endLastState();
      statuses.add(b.build());
    }
    return new PodStatusBuilder().withPhase(phase)
        .withConditions(condition("PodScheduled", "True", null, null), condition("Ready", "False", "ContainersNotReady",
            "containers with unready status: [" + pod.getSpec().getContainers().getFirst().getName() + "]"))
        .withContainerStatuses(statuses).build();
  }

  private static PodStatus unschedulable() {
    return new PodStatusBuilder().withPhase("Pending")
        .withConditions(condition("PodScheduled", "False", "Unschedulable",
            "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."))
        .build();
  }

  private static PodCondition condition(String type, String status, String reason, String message) {
    return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
  }

  /** A Warning event about {@code pod}, once per pod and reason (as the kubelet would count it up). */
  void event(Pod pod, String reason, String message) {
    warning(pod.getMetadata().getNamespace(), "Pod", pod.getMetadata().getName(), reason, message);
  }

  void warning(String ns, String kind, String name, String reason, String message) {
    String eventName = name + "." + reason.toLowerCase();
    if (client.v1().events().inNamespace(ns).withName(eventName).get() != null) return;
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    client.v1().events().inNamespace(ns).resource(new EventBuilder()
        .withNewMetadata().withName(eventName).withNamespace(ns).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withKind(kind).withName(name).withNamespace(ns).build())
        .withType("Warning").withReason(reason).withMessage(message).withCount(1)
        .withFirstTimestamp(now).withLastTimestamp(now)
        .build()).create();
  }
}
