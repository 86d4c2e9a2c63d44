package aegis.adapters.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
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
 *
 * <p>Pods are read as generic resources (their spec and status as plain maps), not as fabric8's
 * typed {@code Pod}: the first typed read makes Jackson build a deserializer for every class of the
 * pod model (volumes, probes, security contexts...), about 300 ms of a short run, to read the
 * dozen fields a {@link PodInfo} keeps.
 */
public final class Pods {
  /** Pods per page when listing. */
  static final long PAGE = 500;

  /** Where pods are in the API. */
  static final ResourceDefinitionContext POD = new ResourceDefinitionContext.Builder().withGroup("").withVersion("v1")
      .withKind("Pod").withPlural("pods").withNamespaced(true).build();

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
        var op = kube.client().genericKubernetesResources(POD).inNamespace(namespace);
        return selector.isEmpty() ? op.list(options) : op.withLabels(selector).list(options);
      });
      for (GenericKubernetesResource p : page.getItems()) sink.accept(info(p));
      cont = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (cont != null && !cont.isEmpty());
  }

  /** As {@link #each}, collected. */
  public static List<PodInfo> list(Kube kube, String namespace, Map<String, String> selector) {
    var out = new ArrayList<PodInfo>();
    each(kube, namespace, selector, out::add);
    return out;
  }

  /** The pod {@code namespace/name}, or null when there is none. */
  static GenericKubernetesResource get(Kube kube, String namespace, String name) {
    return kube.call("read Pod " + namespace + "/" + name,
        () -> kube.client().genericKubernetesResources(POD).inNamespace(namespace).withName(name).get());
  }

  /** The runbook view of one pod, with the most telling reason it is not healthy. */
  public static PodInfo info(GenericKubernetesResource pod) {
    var meta = pod.getMetadata();
    Map<?, ?> status = map(pod.getAdditionalProperties().get("status"));
    Map<?, ?> spec = map(pod.getAdditionalProperties().get("spec"));
    String phase = text(status, "phase");
    if (phase == null) phase = "Unknown";
    var containers = new ArrayList<PodInfo.ContainerInfo>();
    var init = new ArrayList<PodInfo.ContainerInfo>();
    for (Map<?, ?> c : maps(status, "containerStatuses")) containers.add(container(c));
    for (Map<?, ?> c : maps(status, "initContainerStatuses")) init.add(container(c));
    boolean ready = !containers.isEmpty() && containers.stream().allMatch(PodInfo.ContainerInfo::ready);
    int restarts = containers.stream().mapToInt(PodInfo.ContainerInfo::restarts).sum();
    String[] why = reason(phase, ready, text(status, "reason"), text(status, "message"), init, containers,
        maps(status, "conditions"));
    String created = meta.getCreationTimestamp();
    return new PodInfo(meta.getName(), meta.getNamespace(), phase, ready, restarts, text(spec, "nodeName"), why[0], why[1],
        created == null ? null : Instant.parse(created), meta.getLabels() == null ? Map.of() : Map.copyOf(meta.getLabels()),
        List.copyOf(containers));
  }

  private static String[] reason(String phase, boolean ready, String podReason, String podMessage,
                                 List<PodInfo.ContainerInfo> init, List<PodInfo.ContainerInfo> containers,
                                 List<Map<?, ?>> conditions) {
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
    for (Map<?, ?> c : conditions) {
      if ("PodScheduled".equals(text(c, "type")) && "False".equals(text(c, "status"))) {
        return new String[] {text(c, "reason") == null ? "Unschedulable" : text(c, "reason"), text(c, "message")};
      }
    }
    for (Map<?, ?> c : conditions) {
      if ("Ready".equals(text(c, "type")) && "False".equals(text(c, "status"))) {
        return new String[] {text(c, "reason") == null ? "NotReady" : text(c, "reason"), text(c, "message")};
      }
    }
    return new String[] {"Running".equals(phase) ? "NotReady" : phase, null};
  }

  private static PodInfo.ContainerInfo container(Map<?, ?> c) {
    Map<?, ?> s = map(c.get("state"));
    String state = "waiting";
    String reason = null;
    String message = null;
    if (s.get("running") != null) {
      state = "running";
    } else if (s.get("terminated") != null) {
      state = "terminated";
      reason = text(map(s.get("terminated")), "reason");
      message = text(map(s.get("terminated")), "message");
    } else if (s.get("waiting") != null) {
      reason = text(map(s.get("waiting")), "reason");
      message = text(map(s.get("waiting")), "message");
    }
    String lastReason = text(map(map(c.get("lastState")).get("terminated")), "reason");
    return new PodInfo.ContainerInfo(text(c, "name"), text(c, "image"), Boolean.TRUE.equals(c.get("ready")),
        c.get("restartCount") instanceof Number n ? n.intValue() : 0, state, reason, message, lastReason);
  }

  // The JSON of spec and status as Jackson reads it untyped: objects are maps, arrays lists.

  private static Map<?, ?> map(Object node) { return node instanceof Map<?, ?> m ? m : Map.of(); }

  private static String text(Map<?, ?> node, String field) { return node.get(field) instanceof String s ? s : null; }

  private static List<Map<?, ?>> maps(Map<?, ?> node, String field) {
    if (!(node.get(field) instanceof List<?> list)) return List.of();
    var out = new ArrayList<Map<?, ?>>(list.size());
    for (Object item : list) if (item instanceof Map<?, ?> m) out.add(m);
    return out;
  }
}
