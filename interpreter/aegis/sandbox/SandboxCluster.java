package aegis.sandbox;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * The sandbox's Kubernetes API: an API server in this process (fabric8's mock server in CRUD
 * mode) with a controller that does what a cluster's controllers would (ReplicaSets, pods that
 * become ready, rollout status), seeded with the platform's namespace and workloads.
 *
 * <p>This is the seam between the sandbox and the Kubernetes mock: the implementation,
 * {@value #IMPLEMENTATION}, is found by name, so that a build without it still runs every other
 * server and says what is missing.
 */
public interface SandboxCluster extends AutoCloseable {
  /** The implementation's class: {@code static SandboxCluster start(SandboxLayout layout, boolean seed)}. */
  String IMPLEMENTATION = "aegis.sandbox.KubernetesSandbox";

  /** A class the implementation cannot run without (the mock API server). */
  String REQUIRED_CLASS = "io.fabric8.kubernetes.client.server.mock.KubernetesMockServer";

  /** The API server's URL. */
  String url();

  /** Where it listens and how to use it (kubectl), one line each. */
  List<String> describe();

  @Override
  void close();

  /** Whether this build has the implementation (its libraries aside: see {@link SandboxClasspath}). */
  static boolean inThisBuild() {
    try {
      Class.forName(IMPLEMENTATION, false, SandboxCluster.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Starts the implementation on the layout's Kubernetes port. */
  static SandboxServer start(SandboxLayout layout, boolean seed) throws SandboxException {
    SandboxCluster cluster;
    try {
      var type = Class.forName(IMPLEMENTATION);
      cluster = (SandboxCluster) type.getMethod("start", SandboxLayout.class, boolean.class).invoke(null, layout, seed);
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      throw new SandboxException("this build of aegis has no Kubernetes API for the sandbox (" + IMPLEMENTATION + ")");
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SandboxException s) throw s;
      throw new SandboxException("the sandbox's Kubernetes API did not start: " + e.getCause(), e.getCause());
    }
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
