package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.sandbox.k8s.ApiResources;
import aegis.sandbox.k8s.KubectlDispatcher;
import aegis.sandbox.k8s.MockController;
import aegis.sandbox.k8s.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox API's discovery documents ({@code aegis/sandbox/k8s/api-resources.yaml}): valid for
 * fabric8's model and its client's discovery, in agreement with fabric8's registry of kinds, and
 * complete for what the sandbox stores and the runbooks' templates apply.
 */
class ApiDiscoveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ApiResources API = ApiResources.load();
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static KubernetesMockServer server;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    MOCK_LOG.setLevel(Level.WARNING);
    server = mock(crud -> new KubectlDispatcher(crud, API));
    client = server.createClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.destroy();
  }

  private static KubernetesMockServer mock(Function<Dispatcher, Dispatcher> wrap) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    var mock = new KubernetesMockServer(new Context(), new MockWebServer(), responses, wrap.apply(new KubernetesMixedDispatcher(responses)), false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    return mock;
  }

  private static HttpResponse<String> get(KubernetesMockServer on, String path, String accept) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.getPort() + path)).header("Accept", accept).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static <T> T document(String path, Class<T> type) throws Exception {
    var response = get(server, path, "application/json");
    assertEquals(200, response.statusCode(), path);
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""), path);
    return SERIALIZATION.unmarshal(response.body(), type);
  }

  @Test
  void theDiscoveryDocumentsParseAsFabric8sModel() throws Exception {
    var core = document("/api", APIVersions.class);
    assertEquals("APIVersions", core.getKind());
    assertEquals(java.util.List.of("v1"), core.getVersions());
    var groups = document("/apis", APIGroupList.class);
    assertEquals("APIGroupList", groups.getKind());
    var names = groups.getGroups().stream().map(APIGroup::getName).toList();
    assertTrue(names.containsAll(java.util.List.of("apps", "batch", "networking.k8s.io", "rbac.authorization.k8s.io", "policy",
        "storage.k8s.io", "cert-manager.io", "monitoring.coreos.com", "metrics.k8s.io")), names.toString());
    for (var g : groups.getGroups()) {
      assertEquals(g.getName(), document("/apis/" + g.getName(), APIGroup.class).getName());
      var version = g.getPreferredVersion().getGroupVersion();
      var list = document("/apis/" + version, APIResourceList.class);
      assertEquals(version, list.getGroupVersion());
      assertFalse(list.getResources().isEmpty(), version);
    }
    var v1 = document("/api/v1", APIResourceList.class);
    var pods = v1.getResources().stream().filter(r -> r.getName().equals("pods")).findFirst().orElseThrow();
    assertEquals("Pod", pods.getKind());
    assertTrue(pods.getNamespaced());
    assertEquals(java.util.List.of("po"), pods.getShortNames());
    assertTrue(pods.getVerbs().containsAll(java.util.List.of("get", "list", "watch", "create", "delete")));
  }

  @Test
  void theVersionAndUnknownPathsAnswerAsAnApiServerDoes() throws Exception {
    var version = JSON.readTree(get(server, "/version", "application/json").body());
    assertEquals("1", version.get("major").asText());
    assertTrue(version.get("gitVersion").asText().startsWith("v1."));
    for (var path : java.util.List.of("/apis/nosuch.example.com", "/apis/apps/v2", "/openapi/v3", "/metrics")) {
      assertEquals(404, get(server, path, "application/json").statusCode(), path);
    }
    assertEquals("ok", get(server, "/healthz", "*/*").body());
  }

  @Test
  void aggregatedDiscoveryIsAnsweredWithTheLegacyDocumentAsPlainJson() throws Exception {
    // kubectl 1.26+ asks for the aggregated document first, and takes the legacy one when the content type says so.
    var response = get(server, "/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("APIGroupList", JSON.readTree(response.body()).get("kind").asText());
  }

  @Test
  void fabric8sOwnDiscoveryFindsTheGroupsAndKinds() {
    assertTrue(client.getApiGroups().getGroups().stream().anyMatch(g -> g.getName().equals("cert-manager.io")));
    assertTrue(client.supports(Deployment.class));
    assertTrue(client.supports(Ingress.class));
    assertTrue(client.supports("cert-manager.io/v1", "Certificate"));
    assertTrue(client.supports("monitoring.coreos.com/v1", "ServiceMonitor"));
    assertFalse(client.supports("example.com/v1", "Widget"));
    assertEquals("1", client.getKubernetesVersion().getMajor());
    assertEquals("deploy", client.getApiResources("apps/v1").getResources().stream()
        .filter(r -> r.getName().equals("deployments")).findFirst().orElseThrow().getShortNames().getFirst());
  }

  @Test
  void everyResourceAgreesWithFabric8sRegistry() {
    for (var group : API.groups()) {
      for (var r : group.resources()) {
        if (r.isSubresource()) {
          assertTrue(group.resource(r.name().substring(0, r.name().indexOf('/'))).isPresent(), "parent of " + r.name());
          continue;
        }
        var registered = SERIALIZATION.getRegisteredKubernetesResource(group.groupVersion(), r.kind());
        if (registered == null || registered == GenericKubernetesResource.class || !HasMetadata.class.isAssignableFrom(registered)) continue;
        var type = registered.asSubclass(HasMetadata.class);
        String where = group.groupVersion() + " " + r.kind();
        assertEquals(HasMetadata.getPlural(type), r.name(), where);
        assertEquals(Namespaced.class.isAssignableFrom(type), r.namespaced(), where);
      }
    }
  }

  @Test
  void listsHaveTheKindOfTheirResource() {
    client.apps().deployments().inNamespace("ns").resource(new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
        .withNewMetadata().withName("web").endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer()
        .withName("web").withImage("web:1").endContainer().endSpec().endTemplate().endSpec().build()).create();
    var list = client.getKubernetesSerialization().unmarshal(client.raw(server.url("/apis/apps/v1/namespaces/ns/deployments")),
        DeploymentList.class);
    assertEquals("DeploymentList", list.getKind());
    assertEquals("apps/v1", list.getApiVersion());
    assertEquals("web", list.getItems().getFirst().getMetadata().getName());
  }

  /**
   * Every kind the seeded sandbox holds once its controller has run (the mock answers a GET of
   * {@code /api} with all it stores), and every kind a template of the runbooks applies, is served.
   */
  @Test
  void discoveryCoversWhatTheSandboxStoresAndTheTemplatesApply() throws Exception {
    var kinds = new TreeSet<String>();
    var raw = mock(Function.identity());
    try (var c = raw.createClient(); var controller = new MockController(c, Outcome.byImageTag(), Duration.ZERO, null)) {
      ClusterSeed.seed(c, SandboxLayoutTest.sandbox());
      controller.reconcile();
      controller.reconcile();
      JsonNode everything = JSON.readTree(get(raw, "/api", "application/json").body());
      everything.get("items").forEach(i -> kinds.add(i.get("apiVersion").asText() + " " + i.get("kind").asText()));
    } finally {
      raw.destroy();
    }
    assertTrue(kinds.containsAll(Set.of("apps/v1 Deployment", "apps/v1 ReplicaSet", "v1 Pod", "cert-manager.io/v1 Certificate")), kinds.toString());
    kinds.addAll(templateKinds());
    for (var k : kinds) {
      var parts = k.split(" ");
      assertTrue(API.group(parts[0]).stream().flatMap(g -> g.resources().stream()).anyMatch(r -> r.kind().equals(parts[1])),
          k + " is not in " + ApiResources.RESOURCE);
    }
  }

  private static Set<String> templateKinds() throws IOException {
    var kinds = new TreeSet<String>();
    var document = Pattern.compile("(?m)^apiVersion: *(\\S+)\\s*\\n(?:.*\\n)*?kind: *(\\w+)");
    try (Stream<Path> files = Files.list(SandboxLayoutTest.ROOT.resolve("runbooks/templates"))) {
      for (var file : files.toList()) {
        var m = document.matcher(Files.readString(file));
        while (m.find()) kinds.add(m.group(1) + " " + m.group(2));
      }
    }
    assertTrue(kinds.contains("apps/v1 StatefulSet"), kinds.toString());
    return kinds;
  }
}
