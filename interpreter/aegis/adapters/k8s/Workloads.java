package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployments and StatefulSets: listing, scaling, images, restarts and rollbacks. Writes are
 * updates carrying the resourceVersion that was read, so a concurrent change fails with 409
 * instead of being overwritten.
 */
public final class Workloads {
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  private Workloads() {}

  public static List<WorkloadInfo> list(Kube kube, String ns) {
    var out = new ArrayList<WorkloadInfo>();
    kube.call("list Deployments in " + ns, () -> kube.client().apps().deployments().inNamespace(ns).list().getItems())
        .forEach(d -> out.add(info(kube, d)));
    kube.call("list StatefulSets in " + ns, () -> kube.client().apps().statefulSets().inNamespace(ns).list().getItems())
        .forEach(s -> out.add(info(kube, s)));
    return out;
  }

  /** The workload, or null when it does not exist. */
  public static WorkloadInfo find(Kube kube, String ns, String name, String kind) {
    HasMetadata w = kube.call("read " + kind + " " + ns + "/" + name, () -> "StatefulSet".equals(kind)
        ? kube.client().apps().statefulSets().inNamespace(ns).withName(name).get()
        : kube.client().apps().deployments().inNamespace(ns).withName(name).get());
    return w == null ? null : info(kube, w);
  }

  static WorkloadInfo info(Kube kube, HasMetadata w) {
    var labels = w.getMetadata().getLabels() == null ? Map.<String, String>of() : Map.copyOf(w.getMetadata().getLabels());
    if (w instanceof Deployment d) {
      int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
      return new WorkloadInfo(d.getMetadata().getName(), "Deployment", replicas(d.getSpec().getReplicas()), ready,
          Rollouts.images(d.getSpec().getTemplate()),
          Rollouts.number(Rollouts.annotation(d.getMetadata().getAnnotations(), Rollouts.REVISION)), labels);
    }
    var s = (StatefulSet) w;
    int ready = s.getStatus() == null || s.getStatus().getReadyReplicas() == null ? 0 : s.getStatus().getReadyReplicas();
    return new WorkloadInfo(s.getMetadata().getName(), "StatefulSet", replicas(s.getSpec().getReplicas()), ready,
        Rollouts.images(s.getSpec().getTemplate()), History.statefulSetRevision(kube, s), labels);
  }

  // ------------------------------------------------------------------ writes and their previews

  /** The live template and replicas as a plan shows them: {@code {"spec": {"replicas": 3, "template": ...}}}. */
  static ObjectNode view(HasMetadata w) {
    var tree = Json.tree(w);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("spec", JsonNodeFactory.instance.objectNode()
        .set("replicas", tree.path("spec").path("replicas").isMissingNode() ? JsonNodeFactory.instance.numberNode(1) : tree.path("spec").get("replicas")));
    ((ObjectNode) out.get("spec")).set("template", tree.path("spec").path("template").deepCopy());
    return out;
  }

  public static void scale(Kube kube, String ns, String name, String kind, int replicas) {
    update(kube, ns, name, kind, "scale " + kind + " " + ns + "/" + name + " to " + replicas, w -> setReplicas(w, replicas));
  }

  /** The workload with {@code container}'s image set, and the change cause recorded. */
  public static void setImage(Kube kube, String ns, String name, String kind, String container, String image) {
    update(kube, ns, name, kind, "set the image of " + kind + " " + ns + "/" + name, w -> withImage(w, container, image));
  }

  /** Applies the image change to {@code w} (in place); fails naming the containers when none is {@code container}. */
  static HasMetadata withImage(HasMetadata w, String container, String image) {
    var template = template(w);
    var match = template.getSpec().getContainers().stream().filter(c -> c.getName().equals(container)).findFirst()
        .orElseThrow(() -> new AdapterException("kubernetes", w.getKind() + " " + w.getMetadata().getNamespace() + "/"
            + w.getMetadata().getName() + " has no container `" + container + "`; it has "
            + String.join(", ", template.getSpec().getContainers().stream().map(c -> c.getName()).toList())
            + ": pass `container:`"));
    match.setImage(image);
    annotations(w).put(History.CHANGE_CAUSE, "aegis setImage " + container + "=" + image);
    return w;
  }

  /** A rolling restart: a new template annotation, as {@code kubectl rollout restart} sets. */
  public static void restart(Kube kube, String ns, String name, String kind) {
    update(kube, ns, name, kind, "restart " + kind + " " + ns + "/" + name, w -> {
      var meta = template(w).getMetadata();
      if (meta.getAnnotations() == null) meta.setAnnotations(new HashMap<>());
      meta.getAnnotations().put(RESTARTED_AT, Instant.now().toString());
      return w;
    });
  }

  /** Puts {@code target}'s pod template back (for a release, re-applies its manifest of the workload). */
  public static void rollback(Kube kube, String ns, String name, String kind, History.Revision target) {
    if (target.source() == History.Source.RELEASE) {
      var changes = Applier.changes(kube, List.of(target.manifest()), ns);
      Applier.write(kube, changes);
      ReleaseStore.record(kube, ns, changes);
      return;
    }
    update(kube, ns, name, kind, "roll back " + kind + " " + ns + "/" + name + " to revision " + target.revision(), w -> {
      setTemplate(w, History.strip(target.template()));
      if (target.changeCause() != null) annotations(w).put(History.CHANGE_CAUSE, target.changeCause());
      else annotations(w).remove(History.CHANGE_CAUSE);
      return w;
    });
  }

  private static void update(Kube kube, String ns, String name, String kind, String what,
                             java.util.function.UnaryOperator<HasMetadata> change) {
    kube.run(what, () -> {
      HasMetadata w = History.workload(kube, ns, name, kind);
      kube.client().resource(change.apply(w)).update();
    });
  }

  static PodTemplateSpec template(HasMetadata w) {
    return w instanceof Deployment d ? d.getSpec().getTemplate() : ((StatefulSet) w).getSpec().getTemplate();
  }

  private static void setTemplate(HasMetadata w, PodTemplateSpec t) {
    if (w instanceof Deployment d) d.getSpec().setTemplate(t);
    else ((StatefulSet) w).getSpec().setTemplate(t);
  }

  private static HasMetadata setReplicas(HasMetadata w, int n) {
    if (w instanceof Deployment d) d.getSpec().setReplicas(n);
    else ((StatefulSet) w).getSpec().setReplicas(n);
    return w;
  }

  private static Map<String, String> annotations(HasMetadata w) {
    if (w.getMetadata().getAnnotations() == null) w.getMetadata().setAnnotations(new HashMap<>());
    return w.getMetadata().getAnnotations();
  }

  private static int replicas(Integer n) { return n == null ? 1 : n; }
}
