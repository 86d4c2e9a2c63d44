package aegis.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.http.HttpFailure.Kind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP built-ins against JDK {@code HttpServer} fixtures on 127.0.0.1. */
@Timeout(120) // a safety net against a hung socket, not a performance assertion
class HttpAdapterTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SHORT = Duration.ofMillis(300);

  private static HttpServer server;
  private static HttpsServer tlsServer;
  private static TestCertificates cert;
  private static final CountDownLatch release = new CountDownLatch(1);
  private static HttpAdapter http;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/health", ex -> reply(ex, 200, "{\"status\":\"UP\"}", Map.of("Content-Type", "application/json", "X-Service", "api-gateway")));
    server.createContext("/down", ex -> reply(ex, 503, "maintenance", Map.of()));
    server.createContext("/moved", ex -> reply(ex, 301, "", Map.of("Location", "/health")));
    server.createContext("/slow", ex -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply(ex, 200, "late", Map.of());
    });
    // Headers and a little of the body, then nothing: a read timeout per read would never fire.
    server.createContext("/trickle", ex -> {
      ex.sendResponseHeaders(200, 1000);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 100 && release.getCount() > 0; i++) {
          out.write('x');
          out.flush();
          release.await(100, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException | IOException e) {
        // the client hung up: what the test wants
      }
    });
    server.createContext("/echo", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      reply(ex, 201, ex.getRequestMethod() + " " + type + " " + ex.getRequestHeaders().getFirst("X-Token") + " " + body, Map.of());
    });
    server.createContext("/big", ex -> reply(ex, 200, "x".repeat(3 * 1024 * 1024), Map.of()));
    server.createContext("/latin1", ex -> {
      byte[] body = "café".getBytes(StandardCharsets.ISO_8859_1);
      ex.getResponseHeaders().set("Content-Type", "text/plain; charset=ISO-8859-1");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();

    cert = TestCertificates.valid();
    tlsServer = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tlsServer.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
    tlsServer.createContext("/health", ex -> reply(ex, 200, "secure", Map.of()));
    tlsServer.start();

    http = new HttpAdapter();
  }

  @AfterAll
  static void stop() {
    release.countDown();
    server.stop(0);
    tlsServer.stop(0);
  }

  private static void reply(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      if (!head) out.write(bytes);
    }
  }

  @Test
  void getReturnsStatusHeadersBodyAndLatency() {
    HttpResult r = http.get(base + "/health", Map.of("Accept", "application/json"), TIMEOUT);
    assertNull(r.error());
    assertEquals(200, r.status());
    assertTrue(r.ok());
    assertEquals("{\"status\":\"UP\"}", r.body());
    assertEquals("api-gateway", r.header("x-service"));
    assertEquals("application/json", r.header("Content-Type"));
    assertEquals(List.of("api-gateway"), r.headers().get("x-service"));
    assertEquals("HTTP/1.1", r.version());
    assertFalse(r.latency().isNegative());
    assertFalse(r.bodyTruncated());
  }

  @Test
  void anErrorStatusIsAResponseNotAFailure() {
    HttpResult r = http.get(base + "/down", Map.of(), TIMEOUT);
    assertEquals(503, r.status());
    assertFalse(r.ok());
    assertFalse(r.failed());
    assertEquals("maintenance", r.body());
  }

  @Test
  void redirectsAreReportedNotFollowed() {
    HttpResult r = http.get(base + "/moved", Map.of(), TIMEOUT);
    assertEquals(301, r.status());
    assertEquals("/health", r.header("location"));
  }

  @Test
  void headHasNoBody() {
    HttpResult r = http.head(base + "/health", Map.of(), TIMEOUT);
    assertEquals(200, r.status());
    assertEquals("", r.body());
    assertEquals("HEAD", r.method());
  }

  @Test
  void postSendsBodyAndHeaders() {
    HttpResult r = http.post(base + "/echo", Map.of("Content-Type", "application/json", "X-Token", "t1"), "{\"q\":1}", TIMEOUT);
    assertEquals(201, r.status());
    assertEquals("POST application/json t1 {\"q\":1}", r.body());
  }

  @Test
  void theBodyIsCappedAndFlagged() {
    HttpResult r = http.get(base + "/big", Map.of(), TIMEOUT);
    assertEquals(HttpAdapter.DEFAULT_MAX_BODY_BYTES, r.body().length());
    assertTrue(r.bodyTruncated());
    var small = new HttpAdapter(HttpAdapter.Options.defaults().withMaxBodyBytes(1000));
    HttpResult s = small.get(base + "/big", Map.of(), TIMEOUT);
    assertEquals(1000, s.body().length());
    assertTrue(s.bodyTruncated());
    HttpResult fits = small.get(base + "/health", Map.of(), TIMEOUT);
    assertFalse(fits.bodyTruncated());
  }

  @Test
  void theCharsetOfTheResponseIsUsed() {
    assertEquals("café", http.get(base + "/latin1", Map.of(), TIMEOUT).body());
  }

  @Test
  void aSlowServerTimesOut() {
    HttpResult r = http.get(base + "/slow", Map.of(), SHORT);
    assertEquals(Kind.TIMEOUT, r.error().kind(), r.error().toString());
    assertEquals("no answer from 127.0.0.1:" + server.getAddress().getPort() + " within 300ms", r.error().message());
    assertEquals(0, r.status());
  }

  @Test
  void theTimeoutCoversTheWholeBodyNotEachRead() {
    long start = System.nanoTime();
    HttpResult r = http.get(base + "/trickle", Map.of(), SHORT);
    assertEquals(Kind.TIMEOUT, r.error().kind(), r.error().toString());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(SHORT.multipliedBy(5)) < 0,
        "the deadline ends the exchange, not the server's pauses");
  }

  @Test
  void aClosedPortIsRefused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    HttpResult r = http.get("http://127.0.0.1:" + port + "/health", Map.of(), TIMEOUT);
    assertEquals(Kind.REFUSED, r.error().kind(), r.error().toString());
    assertEquals("connection refused by 127.0.0.1:" + port, r.error().message());
  }

  @Test
  void anUnknownHostIsADnsFailure() {
    HttpResult r = http.get("http://no-such-service.invalid/health", Map.of(), TIMEOUT);
    assertEquals(Kind.DNS, r.error().kind(), r.error().toString());
    assertEquals("cannot resolve host `no-such-service.invalid`", r.error().message());
  }

  @Test
  void badRequestsAreInvalidNotExceptions() {
    assertEquals(new HttpFailure(Kind.INVALID, "`ftp://example/x` is not an http:// or https:// URL"),
        http.get("ftp://example/x", Map.of(), TIMEOUT).error());
    assertEquals(Kind.INVALID, http.get("http://exa mple/", Map.of(), TIMEOUT).error().kind());
    HttpResult host = http.get(base + "/health", Map.of("Host", "evil"), TIMEOUT);
    assertEquals(Kind.INVALID, host.error().kind());
    assertTrue(host.error().message().startsWith("header `Host` cannot be set"), host.error().message());
  }

  @Test
  void anUntrustedCertificateIsATlsFailureAndTrustingItWorks() throws Exception {
    String url = "https://localhost:" + tlsServer.getAddress().getPort() + "/health";
    HttpResult r = http.get(url, Map.of(), TIMEOUT);
    assertEquals(Kind.TLS, r.error().kind(), r.error().toString());
    assertTrue(r.error().message().contains("the certificate is not trusted"), r.error().message());
    var trusting = new HttpAdapter(HttpAdapter.Options.defaults().withTrustedCerts(List.of(cert.certificate())));
    HttpResult ok = trusting.get(url, Map.of(), TIMEOUT);
    assertNull(ok.error());
    assertEquals("secure", ok.body());
  }

  @Test
  void aTrustedCertificateForAnotherHostIsATlsFailure() throws Exception {
    // Listening on every address, so that 127.0.0.2 (loopback too, and not named by the
    // certificate, which names localhost and 127.0.0.1) reaches it.
    var anyAddress = HttpsServer.create(new InetSocketAddress(0), 0);
    anyAddress.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
    anyAddress.createContext("/health", ex -> reply(ex, 200, "secure", Map.of()));
    anyAddress.start();
    try {
      var trusting = new HttpAdapter(HttpAdapter.Options.defaults().withTrustedCerts(List.of(cert.certificate())));
      int port = anyAddress.getAddress().getPort();
      assertNull(trusting.get("https://127.0.0.1:" + port + "/health", Map.of(), TIMEOUT).error());
      HttpResult r = trusting.get("https://127.0.0.2:" + port + "/health", Map.of(), TIMEOUT);
      assertEquals(Kind.TLS, r.error().kind(), r.error().toString());
      assertTrue(r.error().message().contains("the certificate does not name this host"), r.error().message());
    } finally {
      anyAddress.stop(0);
    }
  }

  @Test
  void plainHttpOnATlsPortIsAnIoFailureWithAMessage() {
    int port = tlsServer.getAddress().getPort();
    HttpResult r = http.get("http://127.0.0.1:" + port + "/health", Map.of(), TIMEOUT);
    assertEquals(new HttpFailure(Kind.IO, "talking to 127.0.0.1:" + port + " failed: Unexpected end of file from server"), r.error());
  }
}
