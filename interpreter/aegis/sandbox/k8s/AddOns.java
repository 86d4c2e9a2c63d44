package aegis.sandbox.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the platform's add-ons do for objects aegis applies: an ingress controller gives each
 * Ingress an address; cert-manager issues a Certificate (Ready, notAfter 90 days on, renewal 30
 * days before) whenever it is new or has {@code Issuing=True}, as after {@code cmctl renew}, and
 * (given a {@link SandboxIssuer}) writes the issued certificate and its key into the
 * Certificate's {@code secretName}, as cert-manager does, before it reports Ready; the
 * volume provisioner binds a claim whose StorageClass exists and records a
 * {@code ProvisioningFailed} event for one whose class does not.
 */
final class AddOns {
  static final ResourceDefinitionContext CERTIFICATE = new ResourceDefinitionContext.Builder().withGroup("cert-manager.io")
      .withVersion("v1").withKind("Certificate").withPlural("certificates").withNamespaced(true).build();

  private final KubernetesClient client;
  private final PodSimulator events;
  private final SandboxIssuer issuer;

  AddOns(KubernetesClient client, PodSimulator events, SandboxIssuer issuer) {
    this.client = client;
    this.events = events;
    this.issuer = issuer;
  }

  void reconcile() {
    for (Ingress i : client.network().v1().ingresses().inAnyNamespace().list().getItems()) ingress(i);
    for (GenericKubernetesResource c : client.genericKubernetesResources(CERTIFICATE).inAnyNamespace().list().getItems()) certificate(c);
    for (PersistentVolumeClaim c : client.persistentVolumeClaims().inAnyNamespace().list().getItems()) claim(c);
  }

  private void ingress(Ingress i) {
    var lb = i.getStatus() == null ? null : i.getStatus().getLoadBalancer();
    if (lb != null && lb.getIngress() != null && !lb.getIngress().isEmpty()) return;
    i.setStatus(new io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder().withNewLoadBalancer()
        .withIngress(new IngressLoadBalancerIngressBuilder().withIp("127.0.0.1").build()).endLoadBalancer().build());
    client.network().v1().ingresses().inNamespace(i.getMetadata().getNamespace()).resource(i).updateStatus();
  }

  @SuppressWarnings("unchecked")
  private void certificate(GenericKubernetesResource c) {
    Map<String, Object> status = c.get("status") instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    List<Map<String, Object>> conditions = status.get("conditions") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    boolean ready = conditions.stream().anyMatch(x -> "Ready".equals(x.get("type")) && "True".equals(x.get("status")));
    boolean issuing = conditions.stream().anyMatch(x -> "Issuing".equals(x.get("type")) && "True".equals(x.get("status")));
    if (ready && !issuing) return;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = now.plus(Duration.ofDays(90));
    if (issuer != null) secret(c, now, notAfter);
    var readyCondition = new LinkedHashMap<String, Object>();
    readyCondition.put("type", "Ready");
    readyCondition.put("status", "True");
    readyCondition.put("reason", "Ready");
    readyCondition.put("message", "Certificate is up to date and has not expired");
    readyCondition.put("lastTransitionTime", now.toString());
    var next = new ArrayList<Map<String, Object>>();
    next.add(readyCondition);
    status.put("conditions", next);
    status.put("notBefore", now.toString());
    status.put("notAfter", notAfter.toString());
    status.put("renewalTime", notAfter.minus(Duration.ofDays(30)).toString());
    status.put("revision", (status.get("revision") instanceof Number n ? n.intValue() : 0) + 1);
    c.setAdditionalProperty("status", status);
    client.genericKubernetesResources(CERTIFICATE).inNamespace(c.getMetadata().getNamespace()).resource(c).updateStatus();
  }

  /** Issues a certificate for the Certificate's DNS names into its TLS Secret, replacing what it held. */
  @SuppressWarnings("unchecked")
  private void secret(GenericKubernetesResource c, Instant notBefore, Instant notAfter) {
    Map<String, Object> spec = c.get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    String secretName = spec.get("secretName") instanceof String s ? s : null;
    List<String> dnsNames = spec.get("dnsNames") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    if (secretName == null || dnsNames.isEmpty()) return;
    SandboxIssuer.Issued issued;
    try {
      issued = issuer.issue(dnsNames, notBefore, notAfter);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the sandbox issuer cannot sign a certificate for " + dnsNames + ": " + e.getMessage(), e);
    }
    String ns = c.getMetadata().getNamespace();
    var data = new LinkedHashMap<String, String>();
    data.put("tls.crt", base64(issued.certificatePem()));
    data.put("tls.key", base64(issued.privateKeyPem()));
    data.put("ca.crt", base64(issued.caPem()));
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName(secretName).withNamespace(ns)
            .addToAnnotations("cert-manager.io/certificate-name", c.getMetadata().getName())
            .addToAnnotations("cert-manager.io/common-name", dnsNames.getFirst())
            .addToAnnotations("cert-manager.io/alt-names", String.join(",", dnsNames)).endMetadata()
        .withType("kubernetes.io/tls").withData(data).build()).createOr(NonDeletingOperation::update);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private void claim(PersistentVolumeClaim c) {
    if (c.getStatus() != null && "Bound".equals(c.getStatus().getPhase())) return;
    String storageClass = c.getSpec().getStorageClassName();
    String ns = c.getMetadata().getNamespace();
    if (storageClass != null && client.storage().v1().storageClasses().withName(storageClass).get() == null) {
      events.warning(ns, "PersistentVolumeClaim", c.getMetadata().getName(), "ProvisioningFailed",
          "storageclass.storage.k8s.io \"" + storageClass + "\" not found");
      if (c.getStatus() == null) {
        c.setStatus(new PersistentVolumeClaimStatusBuilder().withPhase("Pending").build());
        client.persistentVolumeClaims().inNamespace(ns).resource(c).updateStatus();
      }
      return;
    }
    String volume = "pvc-" + c.getMetadata().getUid();
    c.getSpec().setVolumeName(volume);
    c = client.persistentVolumeClaims().inNamespace(ns).resource(c).update();
    var request = c.getSpec().getResources() == null || c.getSpec().getResources().getRequests() == null ? null
        : c.getSpec().getResources().getRequests().get("storage");
    var status = new PersistentVolumeClaimStatusBuilder().withPhase("Bound").withAccessModes(c.getSpec().getAccessModes());
    if (request != null) status.addToCapacity("storage", request);
    c.setStatus(status.build());
    client.persistentVolumeClaims().inNamespace(ns).resource(c).updateStatus();
  }
}
