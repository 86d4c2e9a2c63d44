package aegis.sandbox;

import aegis.sandbox.k8s.ApiResources;
import aegis.sandbox.k8s.KubectlDispatcher;
import aegis.sandbox.k8s.MockController;
import aegis.sandbox.k8s.Outcome;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The sandbox's Kubernetes API: fabric8's mock server in CRUD mode over plain HTTP on the
 * environment's port, with the {@link MockController} reconciling every 200 ms (pods become ready
 * at once; an image tagged {@code :crashloop}, {@code :imagepullbackoff}, {@code :unschedulable}
 * or {@code :stall} gets that fate instead, see {@link Outcome#byImageTag()}), seeded by
 * {@link ClusterSeed}. Pod logs, which the mock has no store for, are a few plausible lines per
 * pod. Real clients (kubectl) get discovery, JSON and HTTP watches through {@link KubectlDispatcher}.
 * Seeded, it returns once every seeded workload's pods are ready.
 */
public final class KubernetesSandbox implements SandboxCluster {
  /** Its per-request INFO lines would fill the console and slow every request down. */
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");
  private static final Pattern LOG_PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log(\\?.*)?");
  private static final Duration SETTLE = Duration.ofMinutes(2);

  private final SandboxLayout layout;
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final MockController controller;

  private KubernetesSandbox(SandboxLayout layout, KubernetesMockServer server, KubernetesClient client, MockController controller) {
    this.layout = layout;
    this.server = server;
    this.client = client;
    this.controller = controller;
  }

  /** Called through {@link SandboxCluster#start}; a layout with Kubernetes port 0 (tests) listens on any free port, see {@link #url}. */
  public static SandboxCluster start(SandboxLayout layout, boolean seed) throws SandboxException {
    int port = layout.cluster().port();
    if (port != 0 && PortProbe.listening(port)) throw LoopbackHttp.portTaken(port, "Kubernetes API");
    MOCK_LOG.setLevel(Level.WARNING);
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    var server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
        new WithLogs(new KubectlDispatcher(new KubernetesMixedDispatcher(responses), ApiResources.load())), false);
    try {
      server.init(InetAddress.getLoopbackAddress(), port);
    } catch (RuntimeException e) {
      throw new SandboxException("the sandbox's Kubernetes API could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    var client = server.createClient(b -> b.editOrNewConfig().withUserAgent(MockController.USER_AGENT).endConfig());
    var controller = new MockController(client, Outcome.byImageTag(), Duration.ZERO, null).start(Duration.ofMillis(200));
    var cluster = new KubernetesSandbox(layout, server, client, controller);
    try {
      if (seed) {
        ClusterSeed.seed(client, layout);
        cluster.awaitPods();
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw new SandboxException("the sandbox could not seed its Kubernetes API: " + e.getMessage(), e);
    }
    return cluster;
  }

  /** Waits until the seeded workloads have every pod ready, so that a run right after the boot sees a settled cluster. */
  private void awaitPods() throws SandboxException {
    int wanted = layout.services().stream().mapToInt(SandboxLayout.ServiceSpec::replicas).sum();
    var deadline = Instant.now().plus(SETTLE);
    while (Instant.now().isBefore(deadline)) {
      long ready = client.pods().inNamespace(layout.namespace()).list().getItems().stream()
          .filter(p -> p.getStatus() != null && p.getStatus().getConditions() != null
              && p.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
          .count();
      if (ready >= wanted) return;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SandboxException("interrupted while the sandbox's pods started");
      }
    }
    throw new SandboxException("the sandbox's pods were not ready within " + SETTLE.toSeconds() + " s");
  }

  @Override
  public String url() { return "http://127.0.0.1:" + server.getPort(); }

  @Override
  public List<String> describe() {
    return List.of(url() + " (fabric8 mock API server with a controller; namespace " + layout.namespace() + ")");
  }

  @Override
  public void close() {
    controller.close();
    client.close();
    server.destroy();
  }

  /** The CRUD dispatcher, plus pod logs: a few lines in the shape of the platform's services. */
  private static final class WithLogs extends Dispatcher {
    private final Dispatcher crud;

    WithLogs(Dispatcher crud) { this.crud = crud; }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      var m = LOG_PATH.matcher(request.getPath());
      if ("GET".equals(request.getMethod()) && m.matches()) {
        var pod = m.group(2);
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var body = String.join("\n",
            now.minusSeconds(300) + " INFO  starting " + pod,
            now.minusSeconds(298) + " INFO  connected to Vault at vault:8200",
            now.minusSeconds(297) + " INFO  listening on :8080",
            now.minusSeconds(60) + " WARN  slow upstream call took 1.8s",
            now + " INFO  health check ok") + "\n";
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(body);
      }
      return crud.dispatch(request);
    }
  }
}
