package aegis.adapters.k8s;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.HashMap;
import java.util.Map;

/** Namespaces with labels: created when missing, labels added or changed, other labels kept. */
public final class Namespaces {

  /** What {@code ensureNamespace} would do; {@code desired} is null when nothing changes. */
  public record Plan(Namespace live, Namespace desired) {
    public String operation() { return live == null ? "create" : desired == null ? "noop" : "update"; }
  }

  private Namespaces() {}

  public static Plan plan(Kube kube, String name, Map<String, String> labels) {
    Namespace live = kube.call("read Namespace " + name, () -> kube.client().namespaces().withName(name).get());
    if (live == null) {
      return new Plan(null, new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build());
    }
    var current = live.getMetadata().getLabels() == null ? Map.<String, String>of() : live.getMetadata().getLabels();
    boolean same = labels.entrySet().stream().allMatch(e -> e.getValue().equals(current.get(e.getKey())));
    if (same) return new Plan(live, null);
    var merged = new HashMap<>(current);
    merged.putAll(labels);
    return new Plan(live, new NamespaceBuilder(live).editMetadata().withLabels(merged).endMetadata().build());
  }

  public static void ensure(Kube kube, Plan plan) {
    if (plan.desired() == null) return;
    String name = plan.desired().getMetadata().getName();
    kube.run((plan.live() == null ? "create" : "label") + " Namespace " + name, () -> {
      if (plan.live() == null) kube.client().namespaces().resource(plan.desired()).create();
      else kube.client().namespaces().resource(plan.desired()).update();
    });
  }
}
