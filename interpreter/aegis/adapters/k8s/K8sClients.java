package aegis.adapters.k8s;

import aegis.adapters.CallContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

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

  private K8sClients() {}

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
    return new KubernetesClientBuilder().withConfig(builder.build()).build();
  }
}
