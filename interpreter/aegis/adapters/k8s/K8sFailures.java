package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Turns fabric8's exceptions into messages a runbook author can act on: what was being done,
 * against which server, what the API server said and what to check.
 */
final class K8sFailures {
  private K8sFailures() {}

  static AdapterException translate(String what, String server, RuntimeException e) {
    if (e instanceof AdapterException a) return a;
    if (e instanceof KubernetesClientTimeoutException) {
      return new AdapterException("kubernetes", what + ": timed out waiting for " + server, e);
    }
    if (e instanceof KubernetesClientException k) {
      String said = serverMessage(k);
      // No HTTP status (0 or -1): the request never got an answer.
      if (k.getCode() <= 0) return new AdapterException("kubernetes", unreachable(what, server, k), e);
      return new AdapterException("kubernetes", switch (k.getCode()) {
        case 401 -> what + ": the API server at " + server + " rejected the credentials (401 Unauthorized); check the token or kubeconfig user";
        case 403 -> what + ": forbidden (403): " + said + "; the account needs an RBAC Role granting it";
        case 404 -> what + ": not found (404): " + said;
        case 409 -> what + ": conflict (409): " + said
            + "; someone else changed the object since it was read: re-run the step to work from its current state";
        case 410 -> what + ": the listing expired (410 Gone) while being paged: re-run the step";
        case 415 -> what + ": the API server does not support this kind of request (415): " + said;
        case 422 -> what + ": the API server rejected the object (422 Invalid): " + said;
        case 429 -> what + ": the API server is throttling requests (429): retry later";
        default -> k.getCode() >= 500
            ? what + ": the API server at " + server + " failed (" + k.getCode() + "): " + said
            : what + ": the API server answered " + k.getCode() + ": " + said;
      }, e);
    }
    return new AdapterException("kubernetes", what + ": " + e.getMessage(), e);
  }

  private static String unreachable(String what, String server, Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConnectException) {
        return what + ": cannot reach the Kubernetes API at " + server + " (connection refused); check env.kubernetes.server or the kubeconfig, and that the cluster is up";
      }
      if (c instanceof UnknownHostException) {
        return what + ": cannot resolve the Kubernetes API host of " + server + "; check env.kubernetes.server or the kubeconfig";
      }
      if (c instanceof HttpTimeoutException || c instanceof TimeoutException) {
        return what + ": the Kubernetes API at " + server + " did not answer in time";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String detail = root instanceof IOException || root != e ? root.getClass().getSimpleName() + ": " + root.getMessage() : e.getMessage();
    return what + ": cannot talk to the Kubernetes API at " + server + " (" + detail + ")";
  }

  /** The API server's own words (its Status message), or fabric8's. */
  private static String serverMessage(KubernetesClientException k) {
    if (k.getStatus() != null && k.getStatus().getMessage() != null && !k.getStatus().getMessage().isBlank()) {
      return k.getStatus().getMessage();
    }
    return k.getMessage();
  }
}
