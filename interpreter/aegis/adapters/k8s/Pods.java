package aegis.adapters.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pods and why they are (not) healthy. Listing pages through the API ({@code limit} and
 * {@code continue}) and turns each page into {@link PodInfo}s before asking for the next, so a
 * namespace of thousands of pods never holds more than one page of API objects.
 */
public final class Pods {
  /** Pods per page when listing. */
  static final long PAGE = 500;

  /** Waiting reasons that do not go away by waiting (they back off and try again forever). */
  static final Set<String> FATAL_WAITING = Set.of("ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull",
      "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");

  private Pods() {}

  /** Every pod of {@code namespace} matching {@code selector} (all when empty), page by page. */
  public static void each(Kube kube, String namespace, Map<String, String> selector, Consumer<PodInfo> sink) {
    String cont = null;
    do {
      var options = new ListOptionsBuilder().withLimit(PAGE).withContinue(cont).build();
      var page = kube.call("list pods in " + namespace, () -> {
        var op = kube.client().pods().inNamespace(namespace);
        return selector.isEmpty() ? op.list(options) : op.withLabels(selector).list(options);
      });
      for (Pod p : page.getItems()) sink.accept(info(p));
      cont = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (cont != null && !cont.isEmpty());
  }

  /** As {@link #each}, collected. */
  public static List<PodInfo> list(Kube kube, String namespace, Map<String, String> selector) {
    var out = new ArrayList<PodInfo>();
    each(kube, namespace, selector, out::add);
    return out;
  }

  /** The runbook view of one pod, with the most telling reason it is not healthy. */
  public static PodInfo info(Pod pod) {
    var meta = pod.getMetadata();
    var status = pod.getStatus();
    String phase = status == null || status.getPhase() == null ? "Unknown" : status.getPhase();
    var containers = new ArrayList<PodInfo.ContainerInfo>();
    var init = new ArrayList<PodInfo.ContainerInfo>();
    if (status != null) {
      status.getContainerStatuses().forEach(c -> containers.add(container(c)));
      status.getInitContainerStatuses().forEach(c -> init.add(container(c)));
    }
    boolean ready = !containers.isEmpty() && containers.stream().allMatch(PodInfo.ContainerInfo::ready);
    int restarts = containers.stream().mapToInt(PodInfo.ContainerInfo::restarts).sum();
    String[] why = reason(phase, ready, status == null ? null : status.getReason(), status == null ? null : status.getMessage(),
        init, containers, status == null ? List.of() : status.getConditions());
    String created = meta.getCreationTimestamp();
    return new PodInfo(meta.getName(), meta.getNamespace(), phase, ready, restarts,
        pod.getSpec() == null ? null : pod.getSpec().getNodeName(), why[0], why[1],
        created == null ? null : Instant.parse(created), meta.getLabels() == null ? Map.of() : Map.copyOf(meta.getLabels()),
        List.copyOf(containers));
  }

  private static String[] reason(String phase, boolean ready, String podReason, String podMessage,
                                 List<PodInfo.ContainerInfo> init, List<PodInfo.ContainerInfo> containers,
                                 List<PodCondition> conditions) {
    if ("Succeeded".equals(phase) || ("Running".equals(phase) && ready)) return new String[] {null, null};
    if (podReason != null) return new String[] {podReason, podMessage};
    for (var list : List.of(init, containers)) {
      for (var c : list) {
        if (c.reason() != null && !"Completed".equals(c.reason()) && !c.ready()) {
          String where = list == init ? "init container " + c.name() : "container " + c.name();
          return new String[] {c.reason(), c.message() != null ? where + ": " + c.message() : where + " is " + c.state() + " (" + c.reason() + ")"};
        }
      }
    }
    for (PodCondition c : conditions) {
      if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
        return new String[] {c.getReason() == null ? "Unschedulable" : c.getReason(), c.getMessage()};
      }
    }
    for (PodCondition c : conditions) {
      if ("Ready".equals(c.getType()) && "False".equals(c.getStatus())) {
        return new String[] {c.getReason() == null ? "NotReady" : c.getReason(), c.getMessage()};
      }
    }
    return new String[] {"Running".equals(phase) ? "NotReady" : phase, null};
  }

  private static PodInfo.ContainerInfo container(ContainerStatus c) {
    var s = c.getState();
    String state = "waiting";
    String reason = null;
    String message = null;
    if (s != null && s.getRunning() != null) {
      state = "running";
    } else if (s != null && s.getTerminated() != null) {
      state = "terminated";
      reason = s.getTerminated().getReason();
      message = s.getTerminated().getMessage();
    } else if (s != null && s.getWaiting() != null) {
      reason = s.getWaiting().getReason();
      message = s.getWaiting().getMessage();
    }
    var last = c.getLastState();
    String lastReason = last != null && last.getTerminated() != null ? last.getTerminated().getReason() : null;
    return new PodInfo.ContainerInfo(c.getName(), c.getImage(), Boolean.TRUE.equals(c.getReady()),
        c.getRestartCount() == null ? 0 : c.getRestartCount(), state, reason, message, lastReason);
  }
}
