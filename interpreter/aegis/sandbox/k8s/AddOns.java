package aegis.sandbox.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the platform's add-ons do for objects aegis applies: an ingress controller gives each
 * Ingress an address; cert-manager issues a Certificate (Ready, notAfter 90 days on, renewal 30
 * days before) whenever it is new or has {@code Issuing=True}, as after {@code cmctl renew}; the
 * volume provisioner binds a claim whose StorageClass exists and records a
 * {@code ProvisioningFailed} event for one whose class does not.
 */
final class AddOns {
  static final ResourceDefinitionContext CERTIFICATE = new ResourceDefinitionContext.Builder().withGroup("cert-manager.io")
      .withVersion("v1").withKind("Certificate").withPlural("certificates").withNamespaced(true).build();

  private final KubernetesClient client;
  private final PodSimulator events;

  AddOns(KubernetesClient client, PodSimulator events) {
    this.client = client;
    this.events = events;
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
