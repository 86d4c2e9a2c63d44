package aegis.adapters.k8s;

import aegis.eval.Value;

/**
 * How to reach the Kubernetes API: the fields of core's {@code KubernetesEndpoint}.
 *
 * @param context kubeconfig context; null for the current one
 * @param server  API server URL overriding the kubeconfig; null to take it from the kubeconfig
 * @param token   the {@code Credential} record of a bearer token; null to use the kubeconfig's credentials
 */
public record K8sEndpoint(String context, String server, Value.Rec token) {

  /** Everything left out: the kubeconfig's current context, like kubectl. */
  public static final K8sEndpoint DEFAULT = new K8sEndpoint(null, null, null);

  /** From a {@code KubernetesEndpoint} record; null gives {@link #DEFAULT}. */
  public static K8sEndpoint of(Value.Rec endpoint) {
    if (endpoint == null) return DEFAULT;
    return new K8sEndpoint(text(endpoint.get("context")), text(endpoint.get("server")),
        endpoint.get("token") instanceof Value.Rec r ? r : null);
  }

  /** From an {@code Environment} record (its {@code kubernetes} field); null gives {@link #DEFAULT}. */
  public static K8sEndpoint ofEnvironment(Value.Rec environment) {
    if (environment == null) return DEFAULT;
    return of(environment.get("kubernetes") instanceof Value.Rec r ? r : null);
  }

  /** The key of the run's one client for this endpoint. */
  String resourceKey() {
    return "k8s:" + (server == null ? "kubeconfig" : server) + (context == null ? "" : "#" + context);
  }

  /** Words for messages: the server, or the kubeconfig context. */
  String describe() {
    if (server != null) return server;
    return context == null ? "the kubeconfig's current context" : "kubeconfig context " + context;
  }

  private static String text(Value v) { return v instanceof Value.Str s ? s.value() : null; }
}
