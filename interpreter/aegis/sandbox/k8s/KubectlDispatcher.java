package aegis.sandbox.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * fabric8's CRUD dispatcher made into an API server kubectl can talk to. The mock stores objects
 * at any path but knows nothing else a real client needs; this adds:
 * <ul>
 *   <li>{@code /version} and the discovery documents of {@link ApiResources} (the aggregated
 *       discovery of kubectl 1.26+ is answered with the legacy documents as {@code application/json},
 *       which its {@code Accept} header allows; kubectl then reads the group versions one by one);</li>
 *   <li>{@code Content-Type: application/json} on every JSON answer (client-go decodes an answer
 *       without one with its own request's content type, protobuf for kubectl's typed clients);</li>
 *   <li>lists of their proper kind ({@code DeploymentList} in {@code apps/v1}, where the mock
 *       says {@code List} in {@code v1}, which typed clients cannot decode);</li>
 *   <li>HTTP watches ({@link PollingWatch}), where the mock only serves WebSocket ones;</li>
 *   <li>404 for paths outside the API ({@code /openapi/v3}, ...), which the mock would answer
 *       with a list of everything it stores, and {@code ok} for the health checks.</li>
 * </ul>
 */
public final class KubectlDispatcher extends Dispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final List<String> HEALTH = List.of("/healthz", "/livez", "/readyz");

  private final Dispatcher crud;
  private final ApiResources api;
  private final PollingWatch watches;

  public KubectlDispatcher(Dispatcher crud, ApiResources api) {
    this.crud = crud;
    this.api = api;
    this.watches = new PollingWatch(crud);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String full = request.getPath();
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    String query = q < 0 ? "" : full.substring(q + 1);
    boolean get = "GET".equals(request.getMethod());
    if (get && HEALTH.contains(path)) return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody("ok");
    if (!path.equals("/api") && !path.equals("/apis") && !path.startsWith("/api/") && !path.startsWith("/apis/")) {
      return get && path.equals("/version") ? json(200, write(api.version())) : notFound(path);
    }
    var location = ApiPath.parse(path);
    if (get && location.discovery()) return discovery(location, path);
    if (get && PollingWatch.isHttpWatch(request, query)) return watches.answer(path, query);
    var response = crud.dispatch(request);
    return get && location.resource() != null ? typedList(response, location) : withJsonType(response);
  }

  private MockResponse discovery(ApiPath location, String path) {
    String[] s = location.segments();
    boolean core = s[0].equals("api");
    Optional<?> document = switch (s.length) {
      case 1 -> Optional.of(core ? api.coreVersions() : api.groupList());
      case 2 -> core ? api.resourceList(s[1]) : api.apiGroup(s[1]);
      default -> api.resourceList(s[1] + "/" + s[2]);
    };
    return document.map(d -> json(200, SERIALIZATION.asJson(d))).orElseGet(() -> notFound(path));
  }

  /** The mock's {@code v1 List} as the list kind of the resource at {@code location}. */
  private MockResponse typedList(MockResponse response, ApiPath location) {
    withJsonType(response);
    if (response.code() != 200 || response.getBody() == null) return response;
    var kind = api.group(location.groupVersion()).flatMap(g -> g.resource(location.resource())).map(ApiResources.Resource::kind);
    if (kind.isEmpty()) return response;
    try {
      var tree = JSON.readTree(response.getBody().getBytes());
      if (tree instanceof ObjectNode list && "List".equals(list.path("kind").asText()) && list.has("items")) {
        list.put("kind", kind.get() + "List");
        list.put("apiVersion", location.groupVersion());
        response.setBody(JSON.writeValueAsString(list));
      }
    } catch (IOException e) {
      // Not JSON: pass it on as it is.
    }
    return response;
  }

  private static MockResponse withJsonType(MockResponse response) {
    if (response.getHeaders().get("Content-Type") == null && response.getBody() != null && response.getBody().size() > 0
        && response.getBody().getBytes()[0] == '{') {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockResponse notFound(String path) {
    var status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1").put("status", "Failure")
        .put("message", "the server could not find the requested resource (" + path + ")").put("reason", "NotFound").put("code", 404);
    status.putObject("metadata");
    return json(404, write(status));
  }

  /**
   * Where a path points in the API: {@code segments} are the path's parts; for a path to
   * resources (a list, an object or a sub-resource) {@code resource} is their plural (else null).
   */
  record ApiPath(String[] segments, String groupVersion, String resource) {
    static ApiPath parse(String path) {
      String[] s = Arrays.stream(path.split("/")).filter(x -> !x.isEmpty()).toArray(String[]::new);
      boolean core = s[0].equals("api");
      int rest = core ? 2 : 3;
      if (s.length <= rest) return new ApiPath(s, null, null);
      String gv = core ? s[1] : s[1] + "/" + s[2];
      boolean namespaced = s[rest].equals("namespaces") && s.length >= rest + 3;
      String resource = namespaced ? s[rest + 2] : s[rest];
      int after = namespaced ? rest + 3 : rest + 1;
      // A list is the path that ends at the plural; longer paths are one object or its sub-resource.
      return new ApiPath(s, gv, after == s.length ? resource : null);
    }

    boolean discovery() { return groupVersion == null; }
  }
}
