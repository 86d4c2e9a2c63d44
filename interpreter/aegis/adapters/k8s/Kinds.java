package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each kind lives in the API (group, version, plural, namespaced or not). Kinds fabric8
 * models come from its registry; the custom resources the platform uses (cert-manager,
 * Prometheus Operator) are listed here, so that neither needs API discovery; anything else is
 * discovered from the API server once per run.
 */
final class Kinds {
  static final ResourceDefinitionContext CERTIFICATE = crd("cert-manager.io", "v1", "Certificate", "certificates", true);

  private static final Map<String, ResourceDefinitionContext> CUSTOM = Map.of(
      "cert-manager.io/v1/Certificate", CERTIFICATE,
      "cert-manager.io/v1/Issuer", crd("cert-manager.io", "v1", "Issuer", "issuers", true),
      "cert-manager.io/v1/ClusterIssuer", crd("cert-manager.io", "v1", "ClusterIssuer", "clusterissuers", false),
      "monitoring.coreos.com/v1/ServiceMonitor", crd("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors", true),
      "monitoring.coreos.com/v1/PodMonitor", crd("monitoring.coreos.com", "v1", "PodMonitor", "podmonitors", true),
      "monitoring.coreos.com/v1/PrometheusRule", crd("monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules", true));

  private final Map<String, ResourceDefinitionContext> resolved = new ConcurrentHashMap<>(CUSTOM);

  /** The API location of {@code kind} in {@code apiVersion}; fails when the server does not serve it. */
  ResourceDefinitionContext resolve(Kube kube, String apiVersion, String kind) {
    String key = apiVersion + "/" + kind;
    var known = resolved.get(key);
    if (known != null) return known;
    var type = Json.SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
    ResourceDefinitionContext found = type != null && !type.getSimpleName().equals("GenericKubernetesResource")
        ? ResourceDefinitionContext.fromResourceType(type)
        : discover(kube, apiVersion, kind);
    resolved.put(key, found);
    return found;
  }

  private static ResourceDefinitionContext discover(Kube kube, String apiVersion, String kind) {
    var list = kube.call("discover " + apiVersion, () -> kube.client().getApiResources(apiVersion));
    if (list != null) {
      for (APIResource r : list.getResources()) {
        if (kind.equals(r.getKind()) && !r.getName().contains("/")) return ResourceDefinitionContext.fromApiResource(apiVersion, r);
      }
    }
    throw new AdapterException("kubernetes", "the API server at " + kube.server() + " does not serve " + kind + " in " + apiVersion
        + (list == null ? " (no such API group)" : "") + ": is its CustomResourceDefinition installed?");
  }

  private static ResourceDefinitionContext crd(String group, String version, String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
        .withPlural(plural).withNamespaced(namespaced).build();
  }
}
