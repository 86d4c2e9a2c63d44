package aegis.adapters.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every apply that changed something is recorded in the cluster as a release: a ConfigMap
 * {@code aegis-release-N} (labelled {@code aegis.dev/release}) in the namespace applied to, holding
 * the manifests applied (Secrets with their values emptied: a ConfigMap is no place for them).
 * {@code releases} and {@code rollback} fall back to this history for workloads that have no
 * ReplicaSet or ControllerRevision history of their own.
 */
public final class ReleaseStore {
  static final String LABEL = "aegis.dev/release";
  static final String REVISION = "aegis.dev/revision";
  static final String MANIFESTS = "manifests.json";
  /** Releases kept per namespace; older ones are deleted when a new one is recorded. */
  static final int KEEP = 20;

  /** One recorded apply. */
  public record Release(int revision, Instant createdAt, List<ObjectNode> objects) {

    /** The manifest of one object in this release, or null. */
    public ObjectNode find(String kind, String name) {
      for (var o : objects) {
        if (kind.equals(Json.text(o, "kind")) && name.equals(Json.text(o, "metadata", "name"))) return o;
      }
      return null;
    }
  }

  private ReleaseStore() {}

  /** Records {@code changes} (all objects of one apply) as the next release of {@code namespace}; returns its revision. */
  public static int record(Kube kube, String namespace, List<Applier.Change> changes) {
    ArrayNode manifests = JsonNodeFactory.instance.arrayNode();
    for (var c : changes) manifests.add(stored(c));
    String content = Json.text(manifests);
    for (int attempt = 0; ; attempt++) {
      int revision = latest(kube, namespace) + 1;
      ConfigMap cm = new ConfigMapBuilder()
          .withNewMetadata().withName("aegis-release-" + revision).withNamespace(namespace)
          .addToLabels(LABEL, "true").addToLabels(REVISION, Integer.toString(revision))
          .addToLabels("app.kubernetes.io/managed-by", "aegis")
          .endMetadata()
          .addToData(MANIFESTS, content)
          .build();
      try {
        kube.client().configMaps().inNamespace(namespace).resource(cm).create();
        prune(kube, namespace, revision);
        return revision;
      } catch (KubernetesClientException e) {
        // Another run recorded the same revision first: take the next one.
        if (e.getCode() != 409 || attempt >= 4) throw K8sFailures.translate("record release " + revision + " in " + namespace, kube.server(), e);
      }
    }
  }

  /** The releases of {@code namespace}, newest first. */
  public static List<Release> list(Kube kube, String namespace) {
    var items = kube.call("list releases in " + namespace,
        () -> kube.client().configMaps().inNamespace(namespace).withLabel(LABEL, "true").list().getItems());
    var out = new ArrayList<Release>();
    for (ConfigMap cm : items) {
      int revision = revision(cm);
      JsonNode stored = Json.parse(cm.getData() == null ? "[]" : cm.getData().getOrDefault(MANIFESTS, "[]"));
      var objects = new ArrayList<ObjectNode>();
      if (stored != null) stored.forEach(n -> { if (n instanceof ObjectNode o) objects.add(o); });
      String created = cm.getMetadata().getCreationTimestamp();
      out.add(new Release(revision, created == null ? Instant.EPOCH : Instant.parse(created), objects));
    }
    out.sort(Comparator.comparingInt(Release::revision).reversed());
    return out;
  }

  /** The releases of {@code namespace} holding the object {@code kind}/{@code name}, newest first. */
  public static List<Release> of(Kube kube, String namespace, String kind, String name) {
    return list(kube, namespace).stream().filter(r -> r.find(kind, name) != null).toList();
  }

  private static ObjectNode stored(Applier.Change c) {
    ObjectNode clean = ObjectView.of(c.manifest());
    if ("Secret".equals(Json.text(clean, "kind")) && clean.get("data") instanceof ObjectNode data) {
      data.properties().forEach(e -> e.setValue(JsonNodeFactory.instance.textNode("")));
    }
    return clean;
  }

  private static int latest(Kube kube, String namespace) {
    return list(kube, namespace).stream().mapToInt(Release::revision).max().orElse(0);
  }

  private static int revision(ConfigMap cm) {
    Map<String, String> labels = cm.getMetadata().getLabels();
    try {
      return Integer.parseInt(labels == null ? "0" : labels.getOrDefault(REVISION, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void prune(Kube kube, String namespace, int newest) {
    for (Release r : list(kube, namespace)) {
      if (r.revision() <= newest - KEEP) {
        kube.run("delete old release " + r.revision(),
            () -> kube.client().configMaps().inNamespace(namespace).withName("aegis-release-" + r.revision()).delete());
      }
    }
  }
}
