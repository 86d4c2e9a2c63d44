package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies manifests the way {@code kubectl apply} does (see {@link ApplyMerge}), in two halves
 * that share one computation: {@link #changes} reads the live objects and works out what each
 * write would be (what a plan shows; it sends no write), and {@link #write} performs them.
 */
public final class Applier {

  /** What applying one object does. */
  public enum Op { CREATE, UPDATE, UNCHANGED }

  /**
   * One object's change. {@code live} and {@code desired} are plan views (redacted, without server
   * bookkeeping); {@code manifest} is the object as given (namespace filled in) and {@code body}
   * the full object to send (null when unchanged): those two never leave the adapter.
   */
  public record Change(ObjectRef ref, Op op, ObjectNode live, ObjectNode desired, ObjectNode manifest, ObjectNode body,
                       ResourceDefinitionContext type) {}

  private Applier() {}

  /** The change each manifest would make; objects without a namespace get {@code namespace}. */
  public static List<Change> changes(Kube kube, List<ObjectNode> manifests, String namespace) {
    var out = new ArrayList<Change>(manifests.size());
    for (ObjectNode manifest : manifests) out.add(change(kube, manifest.deepCopy(), namespace));
    return out;
  }

  private static Change change(Kube kube, ObjectNode manifest, String namespace) {
    var ref = Manifests.ref(manifest);
    var type = kube.kinds().resolve(kube, ref.apiVersion(), ref.kind());
    var meta = (ObjectNode) manifest.get("metadata");
    if (type.isNamespaceScoped()) {
      if (ref.namespace() == null) {
        if (namespace == null) {
          throw new AdapterException("kubernetes", ref.kind() + " " + ref.name()
              + " names no namespace: set metadata.namespace in the manifest or pass `namespace:`");
        }
        meta.put("namespace", namespace);
      }
    } else {
      meta.remove("namespace");
    }
    ref = Manifests.ref(manifest);
    var target = ref;
    GenericKubernetesResource liveObject = kube.call("read " + target.describe(), () -> resource(kube, type, target, null).get());
    ObjectNode live = liveObject == null ? null : Json.tree(liveObject);
    Json.object(meta, "annotations").put(ObjectView.LAST_APPLIED, ObjectView.lastApplied(manifest));
    if (live == null) return new Change(ref, Op.CREATE, null, ObjectView.of(manifest), manifest, manifest, type);
    JsonNode lastApplied = lastApplied(live);
    ObjectNode merged = (ObjectNode) ApplyMerge.merge(live, lastApplied, manifest);
    ((ObjectNode) merged.get("metadata")).put("resourceVersion", Json.text(live, "metadata", "resourceVersion"));
    var liveView = ObjectView.of(live);
    var desiredView = ObjectView.of(merged);
    boolean same = liveView.equals(desiredView) && sameSecretData(live, merged);
    return new Change(ref, same ? Op.UNCHANGED : Op.UPDATE, liveView, desiredView, manifest, same ? null : merged, type);
  }

  /** Sends the writes of {@code changes} (creates and updates; unchanged objects are left alone). */
  public static void write(Kube kube, List<Change> changes) {
    for (Change c : changes) {
      if (c.op() == Op.UNCHANGED) continue;
      var body = Json.generic(c.body());
      kube.run((c.op() == Op.CREATE ? "create " : "update ") + c.ref().describe(), () -> {
        var r = resource(kube, c.type(), c.ref(), body);
        if (c.op() == Op.CREATE) r.create();
        else r.update();
      });
    }
  }

  /** The plan's two sides: objects keyed by {@code Kind namespace/name}. */
  public static ObjectNode side(List<Change> changes, boolean desired) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Change c : changes) {
      ObjectNode view = desired ? c.desired() : c.live();
      if (view != null) out.set(c.ref().describe(), view);
    }
    return out;
  }

  static Resource<GenericKubernetesResource> resource(Kube kube, ResourceDefinitionContext type, ObjectRef ref,
                                                      GenericKubernetesResource body) {
    var op = kube.client().genericKubernetesResources(type);
    if (type.isNamespaceScoped()) {
      var ns = op.inNamespace(ref.namespace());
      return body == null ? ns.withName(ref.name()) : ns.resource(body);
    }
    return body == null ? op.withName(ref.name()) : op.resource(body);
  }

  private static JsonNode lastApplied(ObjectNode live) {
    String text = Json.text(live, "metadata", "annotations", ObjectView.LAST_APPLIED);
    return text == null ? null : Json.parse(text);
  }

  /** Secret values are markers in the views; compare the real ones so that a changed value is an update. */
  private static boolean sameSecretData(ObjectNode live, ObjectNode merged) {
    if (!"Secret".equals(Json.text(live, "kind"))) return true;
    return java.util.Objects.equals(live.get("data"), merged.get("data"));
  }
}
