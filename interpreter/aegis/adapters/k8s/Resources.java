package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Read-only views of claims, network policies, ingresses and cert-manager Certificates. */
public final class Resources {

  public record PvcInfo(String name, String phase, String requested, String capacity, String storageClass, String volume,
                        String reason) {}

  public record NetworkPolicyInfo(String name, Map<String, String> podSelector, List<String> policyTypes, int ingressRules,
                                  int egressRules) {}

  public record IngressInfo(String name, String className, List<String> hosts, List<String> tlsSecrets, List<String> addresses) {}

  public record CertificateInfo(String name, String secretName, List<String> dnsNames, String issuer, boolean ready,
                                String reason, String message, Instant notAfter, Instant renewalTime) {}

  private Resources() {}

  public static List<PvcInfo> pvcs(Kube kube, String ns, Instant now) {
    var claims = kube.call("list PersistentVolumeClaims in " + ns,
        () -> kube.client().persistentVolumeClaims().inNamespace(ns).list().getItems());
    List<Events.EventInfo> warnings = null;
    var out = new ArrayList<PvcInfo>();
    for (PersistentVolumeClaim c : claims) {
      String phase = c.getStatus() == null || c.getStatus().getPhase() == null ? "Pending" : c.getStatus().getPhase();
      String reason = null;
      if ("Pending".equals(phase)) {
        if (warnings == null) warnings = Events.list(kube, ns, null, true, Duration.ofDays(1), now);
        String object = "PersistentVolumeClaim/" + c.getMetadata().getName();
        reason = warnings.stream().filter(e -> e.object().equals(object)).findFirst().map(Events.EventInfo::message).orElse(null);
      }
      var requests = c.getSpec().getResources() == null ? null : c.getSpec().getResources().getRequests();
      var capacity = c.getStatus() == null ? null : c.getStatus().getCapacity();
      out.add(new PvcInfo(c.getMetadata().getName(), phase,
          requests == null || requests.get("storage") == null ? "0" : requests.get("storage").toString(),
          capacity == null || capacity.get("storage") == null ? null : capacity.get("storage").toString(),
          c.getSpec().getStorageClassName(), c.getSpec().getVolumeName(), reason));
    }
    return out;
  }

  public static List<NetworkPolicyInfo> networkPolicies(Kube kube, String ns) {
    var items = kube.call("list NetworkPolicies in " + ns,
        () -> kube.client().network().v1().networkPolicies().inNamespace(ns).list().getItems());
    var out = new ArrayList<NetworkPolicyInfo>();
    for (NetworkPolicy p : items) {
      var spec = p.getSpec();
      var selector = spec.getPodSelector() == null || spec.getPodSelector().getMatchLabels() == null
          ? Map.<String, String>of() : Map.copyOf(spec.getPodSelector().getMatchLabels());
      var types = new ArrayList<>(spec.getPolicyTypes() == null ? List.<String>of() : spec.getPolicyTypes());
      // The API server defaults policyTypes: Ingress always, Egress when egress rules are given.
      if (types.isEmpty()) {
        types.add("Ingress");
        if (spec.getEgress() != null && !spec.getEgress().isEmpty()) types.add("Egress");
      }
      out.add(new NetworkPolicyInfo(p.getMetadata().getName(), selector, List.copyOf(types),
          spec.getIngress() == null ? 0 : spec.getIngress().size(), spec.getEgress() == null ? 0 : spec.getEgress().size()));
    }
    return out;
  }

  public static List<IngressInfo> ingresses(Kube kube, String ns) {
    var items = kube.call("list Ingresses in " + ns,
        () -> kube.client().network().v1().ingresses().inNamespace(ns).list().getItems());
    return items.stream().map(Resources::ingress).toList();
  }

  public static IngressInfo ingress(Kube kube, String ns, String name) {
    var i = findIngress(kube, ns, name);
    if (i == null) throw new AdapterException("kubernetes", "Ingress " + ns + "/" + name + " does not exist");
    return i;
  }

  /** The Ingress, or null when it does not exist. */
  public static IngressInfo findIngress(Kube kube, String ns, String name) {
    Ingress i = kube.call("read Ingress " + ns + "/" + name,
        () -> kube.client().network().v1().ingresses().inNamespace(ns).withName(name).get());
    return i == null ? null : ingress(i);
  }

  private static IngressInfo ingress(Ingress i) {
    var hosts = new ArrayList<String>();
    var secrets = new ArrayList<String>();
    var addresses = new ArrayList<String>();
    var spec = i.getSpec();
    if (spec.getRules() != null) spec.getRules().forEach(r -> { if (r.getHost() != null) hosts.add(r.getHost()); });
    if (spec.getTls() != null) spec.getTls().forEach(t -> { if (t.getSecretName() != null) secrets.add(t.getSecretName()); });
    var lb = i.getStatus() == null ? null : i.getStatus().getLoadBalancer();
    if (lb != null && lb.getIngress() != null) {
      lb.getIngress().forEach(a -> addresses.add(a.getIp() != null ? a.getIp() : a.getHostname()));
    }
    return new IngressInfo(i.getMetadata().getName(), spec.getIngressClassName(), hosts, secrets, addresses);
  }

  public static List<CertificateInfo> certificates(Kube kube, String ns) {
    var items = kube.call("list Certificates in " + ns,
        () -> kube.client().genericKubernetesResources(Kinds.CERTIFICATE).inNamespace(ns).list().getItems());
    return items.stream().map(c -> certificate(Json.tree(c))).toList();
  }

  public static CertificateInfo certificate(Kube kube, String ns, String name) {
    var c = findCertificate(kube, ns, name);
    if (c == null) throw new AdapterException("kubernetes", "Certificate " + ns + "/" + name + " does not exist");
    return c;
  }

  /** The cert-manager Certificate, or null when it does not exist. */
  public static CertificateInfo findCertificate(Kube kube, String ns, String name) {
    var c = kube.call("read Certificate " + ns + "/" + name,
        () -> kube.client().genericKubernetesResources(Kinds.CERTIFICATE).inNamespace(ns).withName(name).get());
    return c == null ? null : certificate(Json.tree(c));
  }

  static CertificateInfo certificate(JsonNode c) {
    var spec = c.path("spec");
    var dns = new ArrayList<String>();
    spec.path("dnsNames").forEach(n -> dns.add(n.asText()));
    JsonNode ready = condition(c, "Ready");
    boolean isReady = ready != null && "True".equals(ready.path("status").asText());
    return new CertificateInfo(Json.text(c, "metadata", "name"), Json.text(spec, "secretName"), dns,
        Json.text(spec, "issuerRef", "name"), isReady,
        ready == null ? (isReady ? null : "DoesNotExist") : (isReady ? null : Json.text(ready, "reason")),
        ready == null ? null : Json.text(ready, "message"),
        instant(Json.text(c, "status", "notAfter")), instant(Json.text(c, "status", "renewalTime")));
  }

  /** The status condition of {@code type}, or null. */
  static JsonNode condition(JsonNode obj, String type) {
    for (JsonNode c : obj.path("status").path("conditions")) if (type.equals(c.path("type").asText())) return c;
    return null;
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
