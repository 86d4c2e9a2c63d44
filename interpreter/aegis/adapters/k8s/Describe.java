package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code kubectl describe}-like text: identity, labels and annotations, spec and status as YAML,
 * then the object's events. A Secret shows the size of each value, never the value.
 */
public final class Describe {

  /** Kind names and short names people type, to apiVersion and kind. */
  private static final Map<String, String[]> KINDS = Map.ofEntries(
      Map.entry("pod", new String[] {"v1", "Pod"}), Map.entry("po", new String[] {"v1", "Pod"}),
      Map.entry("deployment", new String[] {"apps/v1", "Deployment"}), Map.entry("deploy", new String[] {"apps/v1", "Deployment"}),
      Map.entry("statefulset", new String[] {"apps/v1", "StatefulSet"}), Map.entry("sts", new String[] {"apps/v1", "StatefulSet"}),
      Map.entry("replicaset", new String[] {"apps/v1", "ReplicaSet"}), Map.entry("rs", new String[] {"apps/v1", "ReplicaSet"}),
      Map.entry("service", new String[] {"v1", "Service"}), Map.entry("svc", new String[] {"v1", "Service"}),
      Map.entry("pvc", new String[] {"v1", "PersistentVolumeClaim"}),
      Map.entry("persistentvolumeclaim", new String[] {"v1", "PersistentVolumeClaim"}),
      Map.entry("configmap", new String[] {"v1", "ConfigMap"}), Map.entry("cm", new String[] {"v1", "ConfigMap"}),
      Map.entry("secret", new String[] {"v1", "Secret"}),
      Map.entry("serviceaccount", new String[] {"v1", "ServiceAccount"}), Map.entry("sa", new String[] {"v1", "ServiceAccount"}),
      Map.entry("ingress", new String[] {"networking.k8s.io/v1", "Ingress"}), Map.entry("ing", new String[] {"networking.k8s.io/v1", "Ingress"}),
      Map.entry("networkpolicy", new String[] {"networking.k8s.io/v1", "NetworkPolicy"}),
      Map.entry("netpol", new String[] {"networking.k8s.io/v1", "NetworkPolicy"}),
      Map.entry("certificate", new String[] {"cert-manager.io/v1", "Certificate"}), Map.entry("cert", new String[] {"cert-manager.io/v1", "Certificate"}),
      Map.entry("poddisruptionbudget", new String[] {"policy/v1", "PodDisruptionBudget"}), Map.entry("pdb", new String[] {"policy/v1", "PodDisruptionBudget"}));

  private Describe() {}

  public static String describe(Kube kube, String ns, String kindName, String name, Instant now) {
    String lower = kindName.toLowerCase(Locale.ROOT);
    String[] kind = KINDS.get(lower);
    // Plurals as kubectl accepts them: pods, deployments, ingresses, networkpolicies.
    if (kind == null && lower.endsWith("ies")) kind = KINDS.get(lower.substring(0, lower.length() - 3) + "y");
    if (kind == null && lower.endsWith("es")) kind = KINDS.get(lower.substring(0, lower.length() - 2));
    if (kind == null && lower.endsWith("s")) kind = KINDS.get(lower.substring(0, lower.length() - 1));
    if (kind == null) {
      throw new AdapterException("kubernetes", "describe does not know the kind `" + kindName + "`; use one of pod, deployment, "
          + "statefulset, replicaset, service, pvc, configmap, secret, serviceaccount, ingress, networkpolicy, certificate, pdb");
    }
    var type = kube.kinds().resolve(kube, kind[0], kind[1]);
    var ref = new ObjectRef(kind[0], kind[1], ns, name);
    var found = kube.call("read " + ref.describe(), () -> Applier.resource(kube, type, ref, null).get());
    if (found == null) throw new AdapterException("kubernetes", ref.describe() + " does not exist");
    ObjectNode obj = Json.tree(found);
    var out = new StringBuilder();
    line(out, "Name", name);
    line(out, "Namespace", ns);
    line(out, "Kind", kind[1]);
    line(out, "Labels", pairs(obj.path("metadata").path("labels")));
    ObjectNode annotations = obj.path("metadata").get("annotations") instanceof ObjectNode a ? a.deepCopy() : null;
    if (annotations != null) annotations.remove(ObjectView.LAST_APPLIED);
    line(out, "Annotations", annotations == null ? "<none>" : pairs(annotations));
    line(out, "Created", Json.text(obj, "metadata", "creationTimestamp"));
    if (kind[1].equals("Secret")) {
      out.append("Type: ").append(Json.text(obj, "type")).append("\nData:\n");
      obj.path("data").properties().forEach(e -> out.append("  ").append(e.getKey()).append(": ")
          .append(java.util.Base64.getDecoder().decode(e.getValue().asText()).length).append(" bytes\n"));
    } else {
      for (String section : new String[] {"spec", "data", "status"}) {
        if (obj.get(section) != null && !obj.get(section).isEmpty()) {
          out.append(Character.toUpperCase(section.charAt(0))).append(section.substring(1)).append(":\n").append(indent(yaml(obj.get(section))));
        }
      }
    }
    out.append("Events:\n");
    var events = Events.list(kube, ns, kind[1] + "/" + name, false, Duration.ofDays(1), now);
    if (events.isEmpty()) out.append("  <none>\n");
    for (var e : events) {
      out.append("  ").append(e.type()).append("  ").append(e.reason()).append("  ")
          .append(aegis.eval.Durations.format(Duration.between(e.lastSeen(), now).withNanos(0))).append(" ago")
          .append(e.count() > 1 ? " (x" + e.count() + ")" : "").append("  ").append(e.message()).append('\n');
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(label).append(':').append(" ".repeat(Math.max(1, 13 - label.length()))).append(value == null ? "<none>" : value).append('\n');
  }

  private static String pairs(JsonNode map) {
    if (map == null || map.isEmpty()) return "<none>";
    var parts = new java.util.ArrayList<String>();
    map.properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
    return String.join(", ", parts);
  }

  private static String yaml(JsonNode node) {
    String text = Json.SERIALIZATION.asYaml(Json.MAPPER.convertValue(node, Object.class));
    return text.startsWith("---\n") ? text.substring(4) : text;
  }

  private static String indent(String text) {
    return text.lines().map(l -> "  " + l).reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
  }
}
