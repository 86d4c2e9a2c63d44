package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rollout status the way {@code kubectl rollout status} judges it, plus <em>why</em> a rollout
 * failed: the Deployment's {@code ProgressDeadlineExceeded} condition, or a pod of the new revision
 * that cannot pull its image, crash-loops or cannot be scheduled (read from pod status and, for
 * the message, the pod's last Warning event).
 */
public final class Rollouts {
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String TEMPLATE_HASH = "pod-template-hash";
  static final String REVISION_HASH = "controller-revision-hash";

  private Rollouts() {}

  /** The rollout's state now. Fails when the workload does not exist. */
  public static RolloutState status(Kube kube, String namespace, String name, String kind) {
    return "StatefulSet".equals(kind) ? statefulSet(kube, namespace, name) : deployment(kube, namespace, name);
  }

  /**
   * Polls every {@code interval} until the rollout completes or fails, or {@code timeout} (cut to
   * {@code deadline}, the step's, when that is sooner) passes; reports each change to {@code progress}.
   */
  public static RolloutState await(Kube kube, String namespace, String name, String kind, Duration timeout,
                                   Instant deadline, Duration interval, Consumer<String> progress) {
    Instant start = Instant.now();
    Instant end = start.plus(timeout);
    if (deadline != null && deadline.isBefore(end)) end = deadline;
    String last = null;
    while (true) {
      var state = status(kube, namespace, name, kind);
      if (!state.summary().equals(last)) progress.accept(last = state.summary());
      if (state.settled()) return state;
      if (!Instant.now().plus(interval).isBefore(end)) return state.timedOut(Duration.between(start, Instant.now()));
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AdapterException("kubernetes", "waiting for the rollout of " + kind + " " + namespace + "/" + name + " was interrupted");
      }
    }
  }

  private static RolloutState deployment(Kube kube, String ns, String name) {
    Deployment d = kube.call("read Deployment " + ns + "/" + name,
        () -> kube.client().apps().deployments().inNamespace(ns).withName(name).get());
    if (d == null) throw missing("Deployment", ns, name);
    var spec = d.getSpec();
    var st = d.getStatus();
    int desired = spec.getReplicas() == null ? 1 : spec.getReplicas();
    int updated = st == null ? 0 : nz(st.getUpdatedReplicas());
    int ready = st == null ? 0 : nz(st.getReadyReplicas());
    int available = st == null ? 0 : nz(st.getAvailableReplicas());
    int total = st == null ? 0 : nz(st.getReplicas());
    boolean observed = st != null && st.getObservedGeneration() != null
        && st.getObservedGeneration() >= nzl(d.getMetadata().getGeneration());
    long revision = number(annotation(d.getMetadata().getAnnotations(), REVISION));
    ReplicaSet newRs = observed ? History.newReplicaSet(kube, d) : null;
    if (newRs != null) revision = Math.max(revision, number(annotation(newRs.getMetadata().getAnnotations(), REVISION)));
    List<PodInfo> failing = newRs == null ? List.of() : notReady(kube, ns, TEMPLATE_HASH, label(newRs.getMetadata().getLabels(), TEMPLATE_HASH));
    if (st != null) {
      for (DeploymentCondition c : st.getConditions()) {
        if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
          return new RolloutState(name, "Deployment", revision, desired, updated, ready, available, false, true,
              "ProgressDeadlineExceeded", c.getMessage(), failing);
        }
      }
    }
    boolean complete = observed && updated >= desired && total == updated && available >= updated;
    return judged(kube, ns, name, "Deployment", revision, desired, updated, ready, available, complete, failing);
  }

  private static RolloutState statefulSet(Kube kube, String ns, String name) {
    StatefulSet s = kube.call("read StatefulSet " + ns + "/" + name,
        () -> kube.client().apps().statefulSets().inNamespace(ns).withName(name).get());
    if (s == null) throw missing("StatefulSet", ns, name);
    var st = s.getStatus();
    int desired = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    int updated = st == null ? 0 : nz(st.getUpdatedReplicas());
    int ready = st == null ? 0 : nz(st.getReadyReplicas());
    int available = st == null ? 0 : nz(st.getAvailableReplicas());
    boolean observed = st != null && st.getObservedGeneration() != null
        && st.getObservedGeneration() >= nzl(s.getMetadata().getGeneration());
    String updateRevision = st == null ? null : st.getUpdateRevision();
    int partition = 0;
    var strategy = s.getSpec().getUpdateStrategy();
    if (strategy != null && strategy.getRollingUpdate() != null && strategy.getRollingUpdate().getPartition() != null) {
      partition = strategy.getRollingUpdate().getPartition();
    }
    boolean revisionsDone = partition > 0 ? updated >= desired - partition
        : updateRevision != null && updateRevision.equals(st.getCurrentRevision());
    boolean complete = observed && ready >= desired && revisionsDone;
    long revision = History.statefulSetRevision(kube, s);
    List<PodInfo> failing = notReady(kube, ns, REVISION_HASH, updateRevision);
    return judged(kube, ns, name, "StatefulSet", revision, desired, updated, ready, available, complete, failing);
  }

  /** Complete, failed because of a pod, stuck on a transient pull error, or progressing. */
  private static RolloutState judged(Kube kube, String ns, String name, String kind, long revision, int desired, int updated,
                                     int ready, int available, boolean complete, List<PodInfo> failing) {
    if (complete) return new RolloutState(name, kind, revision, desired, updated, ready, available, true, false, null, null, List.of());
    for (PodInfo p : failing) {
      String reason = fatal(p);
      if (reason != null) {
        return new RolloutState(name, kind, revision, desired, updated, ready, available, false, true, reason,
            p.name() + ": " + (p.message() != null ? p.message() : lastWarning(kube, ns, p.name())), failing);
      }
    }
    for (PodInfo p : failing) {
      if ("ErrImagePull".equals(p.reason())) {
        return new RolloutState(name, kind, revision, desired, updated, ready, available, false, false, p.reason(),
            p.name() + ": " + p.message(), failing);
      }
    }
    return new RolloutState(name, kind, revision, desired, updated, ready, available, false, false, null, null, failing);
  }

  /** The rollout-level reason a pod gives, when waiting will not fix it. */
  private static String fatal(PodInfo p) {
    if (p.reason() == null) return null;
    if (Pods.FATAL_WAITING.contains(p.reason())) return p.reason();
    return "Unschedulable".equals(p.reason()) ? "FailedScheduling" : null;
  }

  /** Pods labelled {@code key=value} that are not healthy; none when the value is unknown. */
  private static List<PodInfo> notReady(Kube kube, String ns, String key, String value) {
    if (value == null) return List.of();
    return Pods.list(kube, ns, Map.of(key, value)).stream().filter(p -> !p.healthy()).toList();
  }

  /** The message of the newest Warning event about pod {@code name}, or a pointer to {@code events}. */
  static String lastWarning(Kube kube, String ns, String name) {
    var events = kube.call("list events of pod " + ns + "/" + name, () -> kube.client().v1().events().inNamespace(ns)
        .withField("involvedObject.name", name).list().getItems());
    return events.stream().filter(e -> "Warning".equals(e.getType()) && name.equals(e.getInvolvedObject().getName()))
        .max(Comparator.comparing(Events::lastSeen)).map(Event::getMessage)
        .orElse("no message; see k8s.events(\"" + ns + "\", object: \"Pod/" + name + "\")");
  }

  static AdapterException missing(String kind, String ns, String name) {
    return new AdapterException("kubernetes", kind + " " + ns + "/" + name + " does not exist");
  }

  static String annotation(Map<String, String> annotations, String key) {
    return annotations == null ? null : annotations.get(key);
  }

  static String label(Map<String, String> labels, String key) { return labels == null ? null : labels.get(key); }

  static long number(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int nz(Integer i) { return i == null ? 0 : i; }

  private static long nzl(Long l) { return l == null ? 0 : l; }

  static List<String> images(io.fabric8.kubernetes.api.model.PodTemplateSpec t) {
    var out = new ArrayList<String>();
    if (t != null && t.getSpec() != null) t.getSpec().getContainers().forEach(c -> out.add(c.getImage()));
    return out;
  }
}
