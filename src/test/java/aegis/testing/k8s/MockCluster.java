package aegis.testing.k8s;

import aegis.sandbox.k8s.MockController;
import aegis.sandbox.k8s.Outcome;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API for tests: fabric8's mock server in CRUD mode over plain HTTP, behind an
 * {@link ApiDispatcher} (request counts, injected faults, paging), with the {@link MockController}
 * running against it. One per test class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
public final class MockCluster implements AutoCloseable {
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private final KubernetesMockServer server;
  private final ApiDispatcher dispatcher;
  private final KubernetesClient setup;
  private final KubernetesClient controllerClient;
  private final MockController controller;

  private MockCluster(Function<String, Outcome> outcomes, Duration readyAfter, Duration progressDeadline, Duration tick) {
    // Its per-request INFO lines make a thousand round trips several times slower.
    MOCK_LOG.setLevel(Level.WARNING);
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    dispatcher = new ApiDispatcher(new KubernetesMixedDispatcher(responses));
    server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new MockWebServer(), responses, dispatcher, false);
    server.init();
    setup = server.createClient(b -> b.editOrNewConfig().withUserAgent(ApiDispatcher.SETUP_AGENT).endConfig());
    controllerClient = server.createClient(b -> b.editOrNewConfig().withUserAgent(MockController.USER_AGENT).endConfig());
    controller = tick == null ? null : new MockController(controllerClient, outcomes, readyAfter, progressDeadline).start(tick);
  }

  /** A cluster whose controller makes pods of {@code outcomes} ready after {@code readyAfter}, reconciling every 50 ms. */
  public static MockCluster start(Function<String, Outcome> outcomes, Duration readyAfter, Duration progressDeadline) {
    return new MockCluster(outcomes, readyAfter, progressDeadline, Duration.ofMillis(50));
  }

  /** A cluster with no controller: nothing changes unless the test changes it. */
  public static MockCluster withoutController() { return new MockCluster(null, null, null, null); }

  /** The API server URL, as {@code env.kubernetes.server} names it. */
  public String url() { return "http://localhost:" + server.getPort(); }

  /** A client for arranging and checking state; its requests are not counted. */
  public KubernetesClient client() { return setup; }

  /** The adapter's requests by method since the last reset. */
  public Map<String, Integer> requests() { return dispatcher.counts(); }

  public void resetRequests() { dispatcher.resetCounts(); }

  /** The adapter's next {@code method} request to a path starting with {@code pathPrefix} gets a Status {@code code}. */
  public void failNext(String method, String pathPrefix, int code, String reason, String message) {
    dispatcher.failNext(method, pathPrefix, code, reason, message);
  }

  /** Answers GET {@code pathAndQuery} (exactly as the client sends it) with {@code body}, always. */
  public void expectGet(String pathAndQuery, String body) {
    server.expect().get().withPath(pathAndQuery).andReturn(200, body).always();
  }

  @Override
  public void close() {
    if (controller != null) controller.close();
    setup.close();
    controllerClient.close();
    server.destroy();
  }
}
