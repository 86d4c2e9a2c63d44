package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/** The tail of a container's log ({@code kubectl logs --tail}). */
public final class Logs {
  private Logs() {}

  /** The last {@code tail} lines of {@code container} (the pod's first when null), of its previous run when {@code previous}. */
  public static List<String> tail(Kube kube, String ns, String pod, int tail, String container, boolean previous) {
    String what = "read the log of pod " + ns + "/" + pod;
    String name = container;
    if (name == null) {
      Pod p = kube.call(what, () -> kube.client().pods().inNamespace(ns).withName(pod).get());
      if (p == null) throw new AdapterException("kubernetes", "Pod " + ns + "/" + pod + " does not exist");
      name = p.getSpec().getContainers().getFirst().getName();
    }
    String c = name;
    String text = kube.call(what + " (container " + c + ")",
        () -> kube.client().pods().inNamespace(ns).withName(pod).inContainer(c).tailingLines(Math.max(0, tail)).getLog(previous));
    if (text == null || text.isEmpty()) return List.of();
    return text.lines().toList();
  }
}
