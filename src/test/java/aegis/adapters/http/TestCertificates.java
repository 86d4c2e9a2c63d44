package aegis.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed server certificates made by the {@code keytool} of the JDK running the tests (no
 * internal JDK classes, no extra dependency).
 */
record TestCertificates(Path keystore, X509Certificate certificate) {
  static final char[] PASSWORD = "changeit".toCharArray();

  private static TestCertificates valid;
  private static TestCertificates expired;

  /** Made once per test JVM, the two keytool runs side by side: each costs seconds on a busy machine. */
  private static synchronized void makeShared() throws IOException {
    if (valid != null) return;
    Path dir = Files.createTempDirectory("aegis-certs");
    dir.toFile().deleteOnExit();
    var v = java.util.concurrent.CompletableFuture.supplyAsync(() -> make(dir, "valid", null, 30));
    var e = java.util.concurrent.CompletableFuture.supplyAsync(() -> make(dir, "expired", "-40d", 10));
    valid = v.join();
    expired = e.join();
  }

  private static TestCertificates make(Path dir, String name, String start, int days) {
    try {
      TestCertificates c = generate(dir, name, start, days);
      c.keystore().toFile().deleteOnExit();
      return c;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Valid for 30 days from now. */
  static synchronized TestCertificates valid() throws IOException {
    makeShared();
    return valid;
  }

  /** Valid from 40 days ago for 10 days: expired 30 days ago. */
  static synchronized TestCertificates expired() throws IOException {
    makeShared();
    return expired;
  }

  /**
   * A new EC key pair with a self-signed certificate for {@code CN=localhost} naming
   * {@code localhost} and {@code 127.0.0.1}; {@code startDate} is keytool's {@code -startdate}
   * ({@code -40d} for one that is already over), or null for now.
   */
  static TestCertificates generate(Path dir, String name, String startDate, int validityDays) throws IOException, InterruptedException {
    Path keystore = dir.resolve(name + ".p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> cmd = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=localhost, O=aegis tests", "-ext", "san=dns:localhost,ip:127.0.0.1",
        "-validity", Integer.toString(validityDays), "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
    if (startDate != null) {
      cmd.add("-startdate");
      cmd.add(startDate);
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + out);
    try {
      return new TestCertificates(keystore, (X509Certificate) load(keystore).getCertificate("server"));
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  /** A server-side TLS context presenting this certificate. */
  SSLContext serverContext() throws IOException, GeneralSecurityException {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(load(keystore), PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  private static KeyStore load(Path keystore) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }
}
