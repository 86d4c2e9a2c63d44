package aegis.adapters.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;

/**
 * One cluster as the adapter's typed classes see it: the run's client, the words that name its
 * server in messages, the kinds resolved so far, and the one place where client failures become
 * {@code AdapterException}s.
 */
public final class Kube implements AutoCloseable {
  private final KubernetesClient client;
  private final String server;
  private final Kinds kinds = new Kinds();

  public Kube(KubernetesClient client, String server) {
    this.client = client;
    this.server = server;
  }

  public KubernetesClient client() { return client; }

  /** The server as messages name it. */
  public String server() { return server; }

  Kinds kinds() { return kinds; }

  /** Runs {@code body}; any client failure becomes a message that starts with {@code what}. */
  public <T> T call(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw K8sFailures.translate(what, server, e);
    }
  }

  /** Closes the client (the run's resources end with the run). */
  @Override
  public void close() { client.close(); }

  /** As {@link #call}, for bodies without a result. */
  public void run(String what, Runnable body) {
    call(what, () -> {
      body.run();
      return null;
    });
  }
}
