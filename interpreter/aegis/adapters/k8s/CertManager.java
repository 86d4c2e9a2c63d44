package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Re-issuing a cert-manager Certificate the way {@code cmctl renew} does: it sets the status
 * condition {@code Issuing=True} with reason {@code ManuallyTriggered}; cert-manager's issuing
 * controller then issues a new certificate into the same Secret, which keeps serving the old one
 * until then.
 */
public final class CertManager {
  static final String REASON = "ManuallyTriggered";

  private CertManager() {}

  /** The Certificate with the Issuing condition added (a copy), or null when it is already being issued. */
  public static ObjectNode renewed(ObjectNode certificate, Instant now) {
    var issuing = Resources.condition(certificate, "Issuing");
    if (issuing != null && "True".equals(issuing.path("status").asText())) return null;
    ObjectNode copy = certificate.deepCopy();
    ObjectNode status = Json.object(copy, "status");
    ArrayNode conditions = status.get("conditions") instanceof ArrayNode a ? a : status.putArray("conditions");
    for (int i = conditions.size() - 1; i >= 0; i--) {
      if ("Issuing".equals(conditions.get(i).path("type").asText())) conditions.remove(i);
    }
    conditions.addObject().put("type", "Issuing").put("status", "True").put("reason", REASON)
        .put("message", "Certificate re-issuance manually triggered")
        .put("lastTransitionTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
    return copy;
  }

  /** The live Certificate; fails when it does not exist. */
  public static ObjectNode read(Kube kube, String ns, String name) {
    var c = kube.call("read Certificate " + ns + "/" + name,
        () -> kube.client().genericKubernetesResources(Kinds.CERTIFICATE).inNamespace(ns).withName(name).get());
    if (c == null) throw new AdapterException("kubernetes", "Certificate " + ns + "/" + name + " does not exist");
    return Json.tree(c);
  }

  /** Triggers re-issuance; returns false when an issuance is already in progress. */
  public static boolean renew(Kube kube, String ns, String name, Instant now) {
    ObjectNode renewed = renewed(read(kube, ns, name), now);
    if (renewed == null) return false;
    kube.run("renew Certificate " + ns + "/" + name, () -> kube.client().genericKubernetesResources(Kinds.CERTIFICATE)
        .inNamespace(ns).resource(Json.generic(renewed)).updateStatus());
    return true;
  }
}
