package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.http.HttpAdapter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS endpoint presents a keytool-made certificate for the ingress host, made once and kept. */
class TlsEndpointTest {
  @TempDir
  Path dir;

  private static int freePort() throws Exception {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void presentsASelfSignedCertificateForLocalhostAndKeepsIt() throws Exception {
    var layout = new SandboxLayout.Tls("localhost", freePort());
    TlsEndpoint.start(layout, dir).close();
    var store = dir.resolve("tls.p12");
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(store));
    var made = Files.getLastModifiedTime(store);
    try (var endpoint = TlsEndpoint.start(layout, dir)) {
      var http = new HttpAdapter();
      assertEquals(made, Files.getLastModifiedTime(store), "a certificate good for long enough is kept");
      var served = http.tlsCertificate("localhost", layout.port(), Duration.ofSeconds(5));
      assertTrue(served.hostnameMatches(), served::toString);
      assertFalse(served.trusted(), "self-signed: " + served);
      assertEquals(TlsEndpoint.VALID_DAYS - 1, served.certificate().daysLeft(), served::toString);
      assertTrue(endpoint.describe().getFirst().startsWith("https://localhost:" + layout.port()), endpoint.describe()::toString);
    }
  }

  @Test
  void aCertificateForAnotherHostIsMadeAgain() throws Exception {
    TlsEndpoint.start(new SandboxLayout.Tls("localhost", freePort()), dir).close();
    var before = Files.readAllBytes(dir.resolve("tls.p12"));
    TlsEndpoint.start(new SandboxLayout.Tls("ingress.test", freePort()), dir).close();
    assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("tls.p12"))));
  }
}
