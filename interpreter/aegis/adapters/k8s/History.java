package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A workload's rollout history ({@code kubectl rollout history}): a Deployment's ReplicaSets by
 * their revision annotation, a StatefulSet's ControllerRevisions, and, for a workload that has
 * neither, the aegis releases ({@link ReleaseStore}) that applied it.
 */
public final class History {
  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

  /** Where a revision comes from, which decides how to roll back to it. */
  public enum Source { REPLICA_SET, CONTROLLER_REVISION, RELEASE }

  /** One revision: its pod template (what a rollback restores) and what people want to know about it. */
  public record Revision(long revision, List<String> images, String changeCause, Instant createdAt, boolean current,
                         Source source, PodTemplateSpec template, ObjectNode manifest) {}

  private History() {}

  /** The history of the workload, newest first. Fails when the workload does not exist. */
  public static List<Revision> of(Kube kube, String ns, String name, String kind) {
    HasMetadata workload = workload(kube, ns, name, kind);
    List<Revision> own = workload instanceof Deployment d ? replicaSets(kube, d) : controllerRevisions(kube, (StatefulSet) workload);
    return own.isEmpty() ? releases(kube, ns, name, kind) : own;
  }

  static HasMetadata workload(Kube kube, String ns, String name, String kind) {
    HasMetadata w = kube.call("read " + kind + " " + ns + "/" + name, () -> "StatefulSet".equals(kind)
        ? kube.client().apps().statefulSets().inNamespace(ns).withName(name).get()
        : kube.client().apps().deployments().inNamespace(ns).withName(name).get());
    if (w == null) throw Rollouts.missing(kind, ns, name);
    return w;
  }

  /** The ReplicaSets a Deployment owns (by owner reference). */
  static List<ReplicaSet> ownedReplicaSets(Kube kube, Deployment d) {
    String ns = d.getMetadata().getNamespace();
    var labels = d.getSpec().getSelector() == null ? null : d.getSpec().getSelector().getMatchLabels();
    var all = kube.call("list ReplicaSets of Deployment " + ns + "/" + d.getMetadata().getName(), () -> labels == null || labels.isEmpty()
        ? kube.client().apps().replicaSets().inNamespace(ns).list().getItems()
        : kube.client().apps().replicaSets().inNamespace(ns).withLabels(labels).list().getItems());
    return all.stream().filter(rs -> ownedBy(rs, d)).toList();
  }

  /** The ReplicaSet of the Deployment's current template: the one with the highest revision. */
  static ReplicaSet newReplicaSet(Kube kube, Deployment d) {
    return ownedReplicaSets(kube, d).stream()
        .max(Comparator.comparingLong(rs -> Rollouts.number(Rollouts.annotation(rs.getMetadata().getAnnotations(), Rollouts.REVISION))))
        .orElse(null);
  }

  /** The revision number of a StatefulSet's update revision, 0 when unknown. */
  static long statefulSetRevision(Kube kube, StatefulSet s) {
    String update = s.getStatus() == null ? null : s.getStatus().getUpdateRevision();
    if (update == null) return 0;
    ControllerRevision cr = kube.call("read ControllerRevision " + update,
        () -> kube.client().apps().controllerRevisions().inNamespace(s.getMetadata().getNamespace()).withName(update).get());
    return cr == null || cr.getRevision() == null ? 0 : cr.getRevision();
  }

  private static List<Revision> replicaSets(Kube kube, Deployment d) {
    long current = Rollouts.number(Rollouts.annotation(d.getMetadata().getAnnotations(), Rollouts.REVISION));
    var out = new ArrayList<Revision>();
    var owned = ownedReplicaSets(kube, d);
    if (current == 0) {
      current = owned.stream().mapToLong(rs -> Rollouts.number(Rollouts.annotation(rs.getMetadata().getAnnotations(), Rollouts.REVISION))).max().orElse(0);
    }
    for (ReplicaSet rs : owned) {
      long revision = Rollouts.number(Rollouts.annotation(rs.getMetadata().getAnnotations(), Rollouts.REVISION));
      if (revision == 0) continue;
      out.add(new Revision(revision, Rollouts.images(rs.getSpec().getTemplate()),
          Rollouts.annotation(rs.getMetadata().getAnnotations(), CHANGE_CAUSE), created(rs), revision == current,
          Source.REPLICA_SET, rs.getSpec().getTemplate(), null));
    }
    out.sort(Comparator.comparingLong(Revision::revision).reversed());
    return out;
  }

  private static List<Revision> controllerRevisions(Kube kube, StatefulSet s) {
    String ns = s.getMetadata().getNamespace();
    var all = kube.call("list ControllerRevisions of StatefulSet " + ns + "/" + s.getMetadata().getName(),
        () -> kube.client().apps().controllerRevisions().inNamespace(ns).list().getItems());
    String update = s.getStatus() == null ? null : s.getStatus().getUpdateRevision();
    var out = new ArrayList<Revision>();
    for (ControllerRevision cr : all) {
      if (!ownedBy(cr, s) || cr.getRevision() == null) continue;
      PodTemplateSpec template = revisionTemplate(cr);
      out.add(new Revision(cr.getRevision(), Rollouts.images(template),
          Rollouts.annotation(cr.getMetadata().getAnnotations(), CHANGE_CAUSE), created(cr),
          cr.getMetadata().getName().equals(update), Source.CONTROLLER_REVISION, template, null));
    }
    out.sort(Comparator.comparingLong(Revision::revision).reversed());
    return out;
  }

  /** A ControllerRevision's {@code data} is a patch {@code {"spec":{"template":{..., "$patch":"replace"}}}}. */
  private static PodTemplateSpec revisionTemplate(ControllerRevision cr) {
    var data = Json.tree(cr.getData());
    if (data == null || !(data.path("spec").get("template") instanceof ObjectNode t)) return null;
    ObjectNode template = t.deepCopy();
    template.remove("$patch");
    return new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal(Json.text(template), PodTemplateSpec.class);
  }

  private static List<Revision> releases(Kube kube, String ns, String name, String kind) {
    var out = new ArrayList<Revision>();
    boolean first = true;
    for (var release : ReleaseStore.of(kube, ns, kind, name)) {
      ObjectNode manifest = release.find(kind, name);
      var template = manifest.path("spec").get("template") instanceof ObjectNode t
          ? new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal(Json.text(t), PodTemplateSpec.class)
          : null;
      out.add(new Revision(release.revision(), Rollouts.images(template),
          Json.text(manifest, "metadata", "annotations", CHANGE_CAUSE), release.createdAt(), first, Source.RELEASE, template, manifest));
      first = false;
    }
    return out;
  }

  /**
   * The revision {@code rollback} returns to: {@code wanted}, or the newest older than the current
   * whose template differs from it. Fails naming the revisions there are.
   */
  public static Revision target(List<Revision> history, Long wanted, String what) {
    if (history.isEmpty()) throw new AdapterException("kubernetes", what + " has no rollout history to roll back to");
    Revision current = history.stream().filter(Revision::current).findFirst().orElse(history.getFirst());
    if (wanted != null) {
      return history.stream().filter(r -> r.revision() == wanted).findFirst().orElseThrow(() -> new AdapterException("kubernetes",
          "revision " + wanted + " is not in the history of " + what + "; it has " + revisions(history)));
    }
    return history.stream()
        .filter(r -> r.revision() < current.revision() && !Objects.equals(strip(r.template()), strip(current.template())))
        .findFirst()
        .orElseThrow(() -> new AdapterException("kubernetes", what + " has no revision before the current one ("
            + current.revision() + ") to roll back to; it has " + revisions(history)));
  }

  /** A template without the label the Deployment controller adds, for comparing and restoring. */
  static PodTemplateSpec strip(PodTemplateSpec template) {
    if (template == null) return null;
    var copy = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().clone(template);
    Map<String, String> labels = copy.getMetadata() == null ? null : copy.getMetadata().getLabels();
    if (labels != null) labels.remove(Rollouts.TEMPLATE_HASH);
    return copy;
  }

  private static String revisions(List<Revision> history) {
    return String.join(", ", history.stream().map(r -> Long.toString(r.revision())).toList());
  }

  private static boolean ownedBy(HasMetadata child, HasMetadata owner) {
    var refs = child.getMetadata().getOwnerReferences();
    if (refs == null || refs.isEmpty()) return false;
    return refs.stream().anyMatch(r -> Objects.equals(r.getUid(), owner.getMetadata().getUid())
        || (Objects.equals(r.getKind(), owner.getKind()) && Objects.equals(r.getName(), owner.getMetadata().getName())));
  }

  private static Instant created(HasMetadata m) {
    String t = m.getMetadata().getCreationTimestamp();
    return t == null ? Instant.EPOCH : Instant.parse(t);
  }
}
