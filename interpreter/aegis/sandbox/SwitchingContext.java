package aegis.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A server {@link SSLContext} whose certificate can be replaced while it serves: every new
 * connection gets an engine of the current underlying context. Each certificate has a context of
 * its own, so sessions and tickets of the previous one cannot be resumed.
 */
final class SwitchingContext {
  private record Current(SSLContext context, X509Certificate certificate) {}

  private final AtomicReference<Current> current;
  private final SSLContext facade;

  SwitchingContext(SSLContext initial, X509Certificate certificate) {
    this.current = new AtomicReference<>(new Current(initial, certificate));
    this.facade = new SSLContext(new Spi(), initial.getProvider(), initial.getProtocol()) { };
  }

  /** A TLS context serving the key entry of {@code keys}. */
  static SSLContext serving(KeyStore keys, char[] password) throws GeneralSecurityException {
    var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);
    var context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  /** The context to give the server. */
  SSLContext context() { return facade; }

  /** The certificate served now. */
  X509Certificate certificate() { return current.get().certificate(); }

  /** New connections are served {@code certificate} through {@code context}. */
  void serve(SSLContext context, X509Certificate certificate) { current.set(new Current(context, certificate)); }

  private final class Spi extends SSLContextSpi {
    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
      throw new KeyManagementException("already initialised");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() { return current.get().context().getSocketFactory(); }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() { return current.get().context().getServerSocketFactory(); }

    @Override
    protected SSLEngine engineCreateSSLEngine() { return current.get().context().createSSLEngine(); }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) { return current.get().context().createSSLEngine(host, port); }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() { return current.get().context().getServerSessionContext(); }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() { return current.get().context().getClientSessionContext(); }
  }
}
