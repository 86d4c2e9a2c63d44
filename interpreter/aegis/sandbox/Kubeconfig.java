package aegis.sandbox;

/**
 * A kubeconfig for the sandbox's Kubernetes API, so that kubectl (and anything else that reads
 * kubeconfigs) can look at what runbooks did: one cluster, one context in the platform's namespace.
 * The mock API server checks no credentials; the token is there because clients want one.
 */
public final class Kubeconfig {
  /** The cluster, context and user name in the file. */
  public static final String NAME = "aegis-sandbox";

  private Kubeconfig() {}

  /** The kubeconfig of the sandbox's API on the layout's port. */
  public static String text(SandboxLayout layout) {
    return text("http://127.0.0.1:" + layout.cluster().port(), layout.namespace());
  }

  /** The kubeconfig of an API server at {@code server}, with {@code namespace} as the context's. */
  public static String text(String server, String namespace) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            namespace: %3$s
            user: %1$s
        current-context: %1$s
        users:
        - name: %1$s
          user:
            token: sandbox-has-no-authentication
        """.formatted(NAME, server, namespace);
  }

  /** Where the sandbox writes it while it runs. */
  public static java.nio.file.Path file(SandboxLayout layout) { return layout.directory().resolve("kubeconfig"); }
}
