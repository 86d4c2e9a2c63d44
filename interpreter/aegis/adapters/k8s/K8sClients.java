package aegis.adapters.k8s;

import aegis.adapters.CallContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;

/**
 * Builds the one fabric8 client of a run for the environment's Kubernetes endpoint: the
 * kubeconfig (or in-cluster service account) as kubectl would use it, with the server URL and
 * bearer token of {@code env.kubernetes} laid over it.
 */
public final class K8sClients {
  /** How long to wait for a TCP connection to the API server. */
  static final int CONNECT_TIMEOUT_MS = 10_000;
  /** How long one request may take (a watch or a long list has its own budget). */
  static final int REQUEST_TIMEOUT_MS = 30_000;

  /** A page of pods as the API server sends it, for {@link #prepare}. */
  private static final String PAGE_OF_PODS = """
      {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1","continue":""},"items":[
       {"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-0","namespace":"prepare","uid":"u","resourceVersion":"1",
         "creationTimestamp":"2026-01-01T00:00:00Z","labels":{"app":"web"},"annotations":{"a":"b"},
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"StatefulSet","name":"web","uid":"o","controller":true}],
         "managedFields":[{"manager":"m","operation":"Update","apiVersion":"v1","time":"2026-01-01T00:00:00Z",
           "fieldsType":"FieldsV1","fieldsV1":{"f:status":{}}}]},
        "spec":{"nodeName":"node-1","containers":[{"name":"web","image":"web:1","ports":[{"containerPort":80}]}]},
        "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],
         "containerStatuses":[{"name":"web","image":"web:1","ready":true,"restartCount":0,
          "state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}},"lastState":{}}]}}]}""";

  private K8sClients() {}

  /**
   * What a run's first client and its first list of pods would otherwise set up on the run's
   * critical path (see {@code BuiltinModule.prepare}): the codec's deserializers for a page of pods,
   * and the classes of a client and of its HTTP client, by building one that is never connected.
   */
  static void prepare() {
    Json.SERIALIZATION.unmarshal(PAGE_OF_PODS, GenericKubernetesResourceList.class);
    try (var client = create(new K8sEndpoint(null, "https://127.0.0.1:1", null), "prepare")) {
      client.getMasterUrl();
    }
  }

  /** The run's cluster for {@code endpoint}: its client is created on first use and closed when the run ends. */
  public static Kube forRun(CallContext ctx, K8sEndpoint endpoint, TokenSource tokens) {
    return ctx.resource(endpoint.resourceKey(), () -> new Kube(create(endpoint, token(ctx, endpoint, tokens)), endpoint.describe()));
  }

  private static String token(CallContext ctx, K8sEndpoint endpoint, TokenSource tokens) {
    return endpoint.token() == null || tokens == null ? null : tokens.resolve(endpoint.token(), ctx);
  }

  /** A client for {@code endpoint}; {@code token} (may be null) wins over the kubeconfig's credentials. */
  public static KubernetesClient create(K8sEndpoint endpoint, String token) {
    Config base = endpoint.server() != null && token != null
        // A server and a token say everything: the kubeconfig (another cluster's) is not read.
        ? Config.empty()
        : Config.autoConfigure(endpoint.context());
    var builder = new ConfigBuilder(base)
        .withConnectionTimeout(CONNECT_TIMEOUT_MS)
        .withRequestTimeout(REQUEST_TIMEOUT_MS)
        // fabric8 retries a refused connection ten times with back-off by default: a minute of
        // silence before "unreachable". One quick retry covers a blip and fails fast otherwise.
        .withRequestRetryBackoffLimit(1)
        .withRequestRetryBackoffInterval(200);
    if (endpoint.server() != null) builder.withMasterUrl(endpoint.server());
    if (token != null) builder.withOauthToken(token);
    return new KubernetesClientBuilder().withConfig(builder.build()).withKubernetesSerialization(Json.SERIALIZATION).build();
  }
}
