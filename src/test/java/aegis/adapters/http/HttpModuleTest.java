package aegis.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.ActionPreview;
import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinRegistry;
import aegis.adapters.CallContext;
import aegis.eval.Value;
import aegis.testing.TestCallContext;
import aegis.testing.adapters.StdlibExterns;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code http} built-ins as runbooks call them: through the registry, with values in and out. */
@Timeout(120) // a safety net against a hung socket, not a performance assertion
class HttpModuleTest {
  private static final BuiltinRegistry REGISTRY = new BuiltinRegistry(List.of(new HttpModule()));
  private static HttpServer server;
  private static HttpsServer tls;
  private static String base;
  private static final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
  private TestCallContext ctx = TestCallContext.apply();

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/whoami", ex -> {
      requests.incrementAndGet();
      byte[] body = ("auth=" + ex.getRequestHeaders().getFirst("Authorization") + " body="
          + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("X-Served-By", "fixture");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    tls = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tls.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.valid().serverContext()));
    tls.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    tls.stop(0);
  }

  @AfterEach
  void closeResources() throws Exception {
    ctx.close();
  }

  private Value call(String function, Value... args) {
    return REGISTRY.find("http", function).orElseThrow().invoke().call(ctx, new Args(function, List.of(args)));
  }

  private static Value.MapV headers(Map<String, Value> h) {
    return new Value.MapV(h);
  }

  @Test
  void everyExternOfStdlibHttpIsBoundAndOnlyPostIsPreviewed() throws IOException {
    assertEquals(Set.of("get", "head", "post", "tlsCertificate"), StdlibExterns.of("http").keySet());
    StdlibExterns.assertBound(new HttpModule());
  }

  @Test
  void getReturnsAResponseRecordAndSendsSecretHeaders() {
    var r = (Value.Rec) call("get", new Value.Str(base + "/whoami"),
        headers(Map.of("Authorization", new Value.Secret("Bearer t0ken"))), new Value.Dur(Duration.ofSeconds(10)));
    assertEquals("http.Response", r.type());
    assertEquals(List.of("method", "url", "status", "headers", "body", "bodyTruncated", "latency", "error"), List.copyOf(r.fields().keySet()));
    assertEquals(new Value.Int(200), r.get("status"));
    assertEquals(new Value.Str("auth=Bearer t0ken body="), r.get("body"));
    assertEquals(new Value.Str("fixture"), ((Value.MapV) r.get("headers")).entries().get("x-served-by"));
    assertEquals(Value.Null.INSTANCE, r.get("error"));
    assertEquals(Value.Bool.FALSE, r.get("bodyTruncated"));
  }

  @Test
  void aCallWithNoAnswerIsAResponseWithAnError() {
    var r = (Value.Rec) call("get", new Value.Str("http://nothing-here.invalid/"), headers(Map.of()), new Value.Dur(Duration.ofSeconds(5)));
    assertEquals(new Value.Int(0), r.get("status"));
    assertEquals(new Value.Str("cannot resolve host `nothing-here.invalid`"), r.get("error"));
  }

  @Test
  void aStepOutOfTimeCallsNothing() {
    ctx = TestCallContext.apply().deadline(Instant.now().minusSeconds(1));
    var e = assertThrows(AdapterException.class,
        () -> call("head", new Value.Str(base + "/whoami"), headers(Map.of()), new Value.Dur(Duration.ofSeconds(30))));
    assertEquals("the step ran out of time before http could be called", e.getMessage());
  }

  @Test
  void postSendsTheBodyAndItsPlanShowsNamesAndSizeOnly() {
    var args = List.<Value>of(new Value.Str(base + "/whoami"), new Value.Str("{\"page\":\"sre\"}"),
        headers(new LinkedHashMap<>(Map.of("Authorization", new Value.Secret("Bearer s3cret"), "Content-Type", new Value.Str("application/json")))),
        new Value.Dur(Duration.ofSeconds(10)));
    requests.set(0);
    ActionPreview plan = REGISTRY.find("http", "post").orElseThrow().preview().preview(ctx, new Args("post", args));
    assertEquals("POST " + base + "/whoami (headers Authorization, Content-Type; body 14 bytes)", plan.description());
    assertEquals("POST", plan.operation());
    assertEquals(14, plan.desired().get("bodyBytes").asInt());
    assertFalse(plan.toString().contains("s3cret"), "the plan shows no header value");
    assertEquals(0, requests.get(), "planning a POST sends nothing");

    var r = (Value.Rec) REGISTRY.find("http", "post").orElseThrow().invoke().call(ctx, new Args("post", args));
    assertEquals(new Value.Str("auth=Bearer s3cret body={\"page\":\"sre\"}"), r.get("body"));
    assertEquals(1, requests.get());
  }

  @Test
  void tlsCertificateReturnsACertificateRecord() {
    var c = (Value.Rec) call("tlsCertificate", new Value.Str("localhost"), new Value.Int(tls.getAddress().getPort()),
        new Value.Dur(Duration.ofSeconds(10)));
    assertEquals("http.Certificate", c.type());
    assertEquals(new Value.Str("CN=localhost,O=aegis tests"), c.get("subject"));
    assertEquals(Value.Bool.FALSE, c.get("trusted"));
    assertEquals(Value.Bool.TRUE, c.get("hostnameMatches"));
    assertTrue(((Value.Int) c.get("daysLeft")).value() >= 28, c.get("daysLeft").show());
    assertEquals(new Value.ListV(List.of(new Value.Str("DNS:localhost"), new Value.Str("IP:127.0.0.1"))), c.get("subjectAltNames"));
  }

  @Test
  void noHandshakeAtAllIsAnAdapterError() throws IOException {
    int closed;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    var e = assertThrows(AdapterException.class, () -> call("tlsCertificate", new Value.Str("127.0.0.1"), new Value.Int(closed),
        new Value.Dur(Duration.ofSeconds(5))));
    assertEquals("TLS certificate of 127.0.0.1:" + closed + ": connection refused by 127.0.0.1:" + closed, e.getMessage());
    assertEquals("http", e.system());
  }
}
