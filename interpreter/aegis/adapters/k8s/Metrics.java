package aegis.adapters.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code kubectl top}: usage from the metrics API (metrics-server) next to limits and allocatable
 * capacity. Without metrics-server the API answers 404: the result is empty and {@code notice}
 * says why, rather than failing a health check over a missing add-on.
 */
public final class Metrics {

  /** Quantities are in base units: cores and bytes. A null limit means a container has none. */
  public record PodUsage(String name, BigDecimal cpu, BigDecimal memory, BigDecimal cpuLimit, BigDecimal memoryLimit) {}

  public record NodeUsage(String name, BigDecimal cpu, BigDecimal memory, BigDecimal cpuAllocatable,
                          BigDecimal memoryAllocatable, boolean ready) {}

  private Metrics() {}

  public static List<PodUsage> pods(Kube kube, String ns, Map<String, String> selector, Consumer<String> notice) {
    var metrics = absentAsNull(kube, notice, () -> {
      var op = kube.client().top().pods().inNamespace(ns);
      return selector.isEmpty() ? op.metrics().getItems() : op.withLabels(selector).metrics().getItems();
    });
    if (metrics == null || metrics.isEmpty()) return List.of();
    Map<String, Pod> specs = new HashMap<>();
    kube.call("list pods in " + ns, () -> selector.isEmpty()
        ? kube.client().pods().inNamespace(ns).list().getItems()
        : kube.client().pods().inNamespace(ns).withLabels(selector).list().getItems())
        .forEach(p -> specs.put(p.getMetadata().getName(), p));
    var out = new ArrayList<PodUsage>();
    for (var m : metrics) {
      BigDecimal cpu = BigDecimal.ZERO;
      BigDecimal memory = BigDecimal.ZERO;
      for (var c : m.getContainers()) {
        cpu = cpu.add(amount(c.getUsage().get("cpu")));
        memory = memory.add(amount(c.getUsage().get("memory")));
      }
      Pod pod = specs.get(m.getMetadata().getName());
      out.add(new PodUsage(m.getMetadata().getName(), cpu, memory, limit(pod, "cpu"), limit(pod, "memory")));
    }
    return out;
  }

  public static List<NodeUsage> nodes(Kube kube, Consumer<String> notice) {
    var metrics = absentAsNull(kube, notice, () -> kube.client().top().nodes().metrics().getItems());
    if (metrics == null || metrics.isEmpty()) return List.of();
    Map<String, Node> nodes = new HashMap<>();
    kube.call("list nodes", () -> kube.client().nodes().list().getItems()).forEach(n -> nodes.put(n.getMetadata().getName(), n));
    var out = new ArrayList<NodeUsage>();
    for (var m : metrics) {
      Node node = nodes.get(m.getMetadata().getName());
      var allocatable = node == null || node.getStatus() == null ? Map.<String, Quantity>of() : node.getStatus().getAllocatable();
      boolean ready = node != null && node.getStatus() != null && node.getStatus().getConditions().stream()
          .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      out.add(new NodeUsage(m.getMetadata().getName(), amount(m.getUsage().get("cpu")), amount(m.getUsage().get("memory")),
          amount(allocatable.get("cpu")), amount(allocatable.get("memory")), ready));
    }
    return out;
  }

  private static <T> T absentAsNull(Kube kube, Consumer<String> notice, Supplier<T> read) {
    try {
      return read.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) throw K8sFailures.translate("read resource usage (metrics.k8s.io)", kube.server(), e);
      notice.accept("metrics-server is not installed on " + kube.server()
          + " (the metrics.k8s.io API is missing), so there is no CPU or memory usage to show; install metrics-server for `kubectl top` and k8s.topPods/topNodes");
      return null;
    }
  }

  /** The container limits summed, or null when any container has none. */
  private static BigDecimal limit(Pod pod, String resource) {
    if (pod == null || pod.getSpec() == null) return null;
    BigDecimal sum = BigDecimal.ZERO;
    for (Container c : pod.getSpec().getContainers()) {
      var limits = c.getResources() == null ? null : c.getResources().getLimits();
      Quantity q = limits == null ? null : limits.get(resource);
      if (q == null) return null;
      sum = sum.add(amount(q));
    }
    return sum;
  }

  static BigDecimal amount(Quantity q) {
    return q == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(q).stripTrailingZeros();
  }
}
