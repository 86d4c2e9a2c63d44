package aegis.sandbox;

import java.util.List;

/**
 * The sandbox's Kubernetes API: an API server in this process with a controller that does what a
 * cluster's controllers would (ReplicaSets, pods that become ready, rollout status), seeded with
 * the platform's namespace and workloads. The seam between the sandbox and the Kubernetes mock;
 * {@link KubernetesSandbox} is the implementation.
 */
public interface SandboxCluster extends AutoCloseable {
  /** A class the implementation cannot run without (the mock API server). */
  String REQUIRED_CLASS = "io.fabric8.kubernetes.client.server.mock.KubernetesMockServer";

  /** The API server's URL. */
  String url();

  /** Where it listens and how to use it, one line each. */
  List<String> describe();

  @Override
  void close();

  /** Starts the implementation on the layout's Kubernetes port, as one of the sandbox's servers. */
  static SandboxServer start(SandboxLayout layout, boolean seed, aegis.sandbox.k8s.SandboxIssuer issuer) throws SandboxException {
    var cluster = KubernetesSandbox.start(layout, seed, issuer);
    return new SandboxServer() {
      @Override
      public Component component() { return Component.KUBERNETES; }

      @Override
      public List<String> describe() { return cluster.describe(); }

      @Override
      public void close() { cluster.close(); }
    };
  }
}
