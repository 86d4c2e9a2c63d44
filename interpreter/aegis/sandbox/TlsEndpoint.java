package aegis.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The platform's ingress controller, as far as a certificate check sees it: HTTPS on the ingress
 * port, serving the certificate and key of the TLS Secret the Ingress names (as issued by the
 * sandbox's cert-manager), reloaded when the Secret changes. Until such a Secret exists it
 * presents a self-signed certificate for the ingress host, made with the JDK's {@code keytool}
 * into the sandbox directory ({@code tls.p12}) and kept until it has less than
 * {@value #RENEW_DAYS} days left (so that the weekly review's expiry check passes, while its trust
 * check reports what a self-signed certificate is: not trusted).
 *
 * <p>Each certificate is served from its own {@link SSLContext}: a client holding a session (or
 * ticket) of the previous one cannot resume it, and sees the new certificate, as after an ingress
 * controller's reload.
 */
final class TlsEndpoint implements SandboxServer {
  /** Where the Ingress lives: the cluster's API, the namespace and the Ingress's name. */
  record IngressSource(String apiUrl, String namespace, String ingressName) {}

  private static final long POLL_MILLIS = 250;

  static final int VALID_DAYS = 90;
  static final int RENEW_DAYS = 45;
  /** Protects nothing: a self-signed key for localhost, in a file only its owner can read. */
  private static final char[] STORE_PASSWORD = "aegis-sandbox".toCharArray();
  private static final String ALIAS = "ingress";

  private final SandboxLayout.Tls layout;
  private final SwitchingContext served;
  private final LoopbackHttp http;
  private final IngressSecretWatch watch;

  private TlsEndpoint(SandboxLayout.Tls layout, SwitchingContext served, LoopbackHttp http, IngressSecretWatch watch) {
    this.layout = layout;
    this.served = served;
    this.http = http;
    this.watch = watch;
  }

  static TlsEndpoint start(SandboxLayout.Tls layout, Path directory) throws SandboxException {
    return start(layout, directory, null);
  }

  /** Serves the TLS Secret of {@code ingress} once it exists (null: the self-signed certificate only). */
  static TlsEndpoint start(SandboxLayout.Tls layout, Path directory, IngressSource ingress) throws SandboxException {
    var store = directory.resolve("tls.p12");
    try {
      var keys = usable(store, layout.host());
      if (keys == null) {
        generate(store, layout.host());
        keys = usable(store, layout.host());
        if (keys == null) throw new SandboxException("keytool made " + store + ", but it holds no usable certificate for " + layout.host());
      }
      var served = new SwitchingContext(SwitchingContext.serving(keys, STORE_PASSWORD), (X509Certificate) keys.getCertificate(ALIAS));
      var http = LoopbackHttp.startTls(layout.port(), "TLS endpoint", served.context(), exchange -> {
        try (exchange) {
          LoopbackHttp.reply(exchange, 200, "text/plain", "AegisShield sandbox ingress\n");
        }
      });
      var watch = ingress == null ? null : IngressSecretWatch.start(ingress, layout.host(), served, POLL_MILLIS);
      return new TlsEndpoint(layout, served, http, watch);
    } catch (IOException | GeneralSecurityException e) {
      throw new SandboxException("the sandbox's TLS endpoint could not start: " + e.getMessage(), e);
    }
  }

  /** The key store at {@code store} when its certificate names {@code host} and is good for a while; else null. */
  private static KeyStore usable(Path store, String host) throws IOException, GeneralSecurityException {
    if (!Files.isRegularFile(store)) return null;
    var keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, STORE_PASSWORD);
    } catch (IOException e) {
      return null;
    }
    if (!(keys.getCertificate(ALIAS) instanceof X509Certificate cert)) return null;
    if (cert.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(RENEW_DAYS)))) return null;
    var names = cert.getSubjectAlternativeNames();
    if (names == null || names.stream().noneMatch(n -> host.equals(n.get(1)))) return null;
    return keys;
  }

  private static void generate(Path store, String host) throws IOException, SandboxException {
    Files.createDirectories(store.toAbsolutePath().getParent());
    var tmp = store.resolveSibling(store.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    Files.deleteIfExists(tmp);
    var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    var san = "dns:" + host + (host.equals("localhost") ? ",ip:127.0.0.1" : "");
    var command = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=" + host + ", O=aegis sandbox", "-ext", "SAN=" + san, "-validity", Integer.toString(VALID_DAYS),
        "-keystore", tmp.toString(), "-storetype", "PKCS12",
        "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD)));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new SandboxException("keytool could not make the sandbox's TLS certificate: " + output.strip());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while keytool made the sandbox's TLS certificate");
    }
    try {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // the directory is private already
    }
    Files.move(tmp, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public Component component() { return Component.TLS; }

  @Override
  public List<String> describe() {
    var certificate = served.certificate();
    long days = Duration.between(Instant.now(), certificate.getNotAfter().toInstant()).toDays();
    return List.of("https://" + layout.host() + ":" + layout.port() + " (the Ingress's TLS Secret once it exists, until then a "
        + "self-signed certificate; now " + certificate.getSubjectX500Principal().getName() + ", " + days + " days left)");
  }

  @Override
  public void close() {
    if (watch != null) watch.close();
    http.close();
  }
}
