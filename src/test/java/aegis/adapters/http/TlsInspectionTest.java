package aegis.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.http.HttpFailure.Kind;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TLS certificate inspection against JDK {@code HttpsServer}s with self-signed certificates. */
@Timeout(120) // a safety net against a hung socket, not a performance assertion
class TlsInspectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static HttpsServer validServer;
  private static HttpsServer expiredServer;
  private static HttpServer plainServer;
  private static HttpAdapter http;

  @BeforeAll
  static void start() throws Exception {
    validServer = https(TestCertificates.valid());
    expiredServer = https(TestCertificates.expired());
    plainServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    plainServer.start();
    http = new HttpAdapter();
  }

  private static HttpsServer https(TestCertificates cert) throws Exception {
    HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
    s.createContext("/", ex -> {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    s.start();
    return s;
  }

  @AfterAll
  static void stop() {
    validServer.stop(0);
    expiredServer.stop(0);
    plainServer.stop(0);
  }

  @Test
  void aSelfSignedCertificateIsInspectedAndReportedUntrusted() throws Exception {
    TlsResult r = http.tlsCertificate("localhost", validServer.getAddress().getPort(), TIMEOUT);
    assertNull(r.error());
    TlsCertificate c = r.certificate();
    assertEquals("CN=localhost,O=aegis tests", c.subject());
    assertEquals(c.subject(), c.issuer(), "self-signed");
    assertEquals(List.of("DNS:localhost", "IP:127.0.0.1"), c.subjectAltNames());
    assertEquals(TestCertificates.valid().certificate().getNotAfter().toInstant(), c.notAfter());
    assertFalse(c.expired());
    assertEquals(64, c.sha256Fingerprint().length());
    assertFalse(r.trusted());
    assertEquals("the certificate is not trusted (no chain to a trusted root: self-signed or an unknown CA)", r.trustProblem());
    assertTrue(r.hostnameMatches());
    assertEquals(1, r.chainLength());
    assertTrue(r.protocol().startsWith("TLSv1."), r.protocol());
  }

  @Test
  void daysLeftCountWholeDaysFromTheClock() throws Exception {
    Instant notAfter = TestCertificates.valid().certificate().getNotAfter().toInstant();
    int port = validServer.getAddress().getPort();
    assertEquals(10, daysLeftAt(notAfter.minus(Duration.ofDays(10)).minusSeconds(3600), port));
    assertEquals(0, daysLeftAt(notAfter.minusSeconds(3600), port), "its last day");
    assertEquals(-1, daysLeftAt(notAfter.plusSeconds(3600), port), "an hour after it expired");
  }

  private static long daysLeftAt(Instant now, int port) {
    var at = new HttpAdapter(HttpAdapter.Options.defaults().withClock(Clock.fixed(now, ZoneOffset.UTC)));
    return at.tlsCertificate("127.0.0.1", port, TIMEOUT).certificate().daysLeft();
  }

  @Test
  void anExpiredCertificateIsStillInspected() throws Exception {
    TlsResult r = http.tlsCertificate("127.0.0.1", expiredServer.getAddress().getPort(), TIMEOUT);
    assertNull(r.error());
    assertTrue(r.certificate().expired());
    assertTrue(r.certificate().daysLeft() <= -30, "expired 30 days ago: " + r.certificate().daysLeft());
    assertTrue(r.certificate().notAfter().isBefore(Instant.now()));
    assertFalse(r.trusted());
    assertTrue(r.hostnameMatches(), "127.0.0.1 is an IP SAN");
  }

  @Test
  void trustComesFromTheJdkRootsPlusConfiguredCertificates() throws Exception {
    var valid = TestCertificates.valid().certificate();
    var expired = TestCertificates.expired().certificate();
    var trusting = new HttpAdapter(HttpAdapter.Options.defaults().withTrustedCerts(List.of(valid, expired)));
    TlsResult ok = trusting.tlsCertificate("localhost", validServer.getAddress().getPort(), TIMEOUT);
    assertTrue(ok.trusted(), ok.trustProblem());
    assertNull(ok.trustProblem());
    TlsResult old = trusting.tlsCertificate("localhost", expiredServer.getAddress().getPort(), TIMEOUT);
    assertNotNull(old.certificate());
    assertTrue(old.certificate().expired());
    assertFalse(old.trusted(), "a trusted but expired certificate is not trusted");
    assertEquals("the certificate expired on " + expired.getNotAfter().toInstant(), old.trustProblem());
  }

  @Test
  void aHostTheCertificateDoesNotNameIsReported() throws Exception {
    var c = TestCertificates.valid().certificate();
    assertTrue(TlsInspector.names(c, "LOCALHOST"));
    assertTrue(TlsInspector.names(c, "127.0.0.1"));
    assertFalse(TlsInspector.names(c, "127.0.0.2"));
    assertFalse(TlsInspector.names(c, "api.localhost"));
  }

  @Test
  void failuresAreTyped() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    TlsResult refused = http.tlsCertificate("127.0.0.1", closed, TIMEOUT);
    assertEquals(new HttpFailure(Kind.REFUSED, "connection refused by 127.0.0.1:" + closed), refused.error());
    assertNull(refused.certificate());

    assertEquals(new HttpFailure(Kind.DNS, "cannot resolve host `expired.aegis.invalid`"),
        http.tlsCertificate("expired.aegis.invalid", 443, TIMEOUT).error());

    TlsResult notTls = http.tlsCertificate("127.0.0.1", plainServer.getAddress().getPort(), Duration.ofSeconds(2));
    assertTrue(notTls.error().kind() == Kind.TLS || notTls.error().kind() == Kind.TIMEOUT, notTls.error().toString());

    assertEquals(Kind.INVALID, http.tlsCertificate("localhost", 0, TIMEOUT).error().kind());
  }
}
