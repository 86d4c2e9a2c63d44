package aegis.adapters.http;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates aegis trusts: the JDK's default roots plus any the environment adds (an
 * internal CA such as the cluster's cert-manager issuer). Used both by the HTTP client and to tell
 * whether an inspected certificate chain would be trusted.
 */
final class Trust {
  private final X509TrustManager manager;
  private final SSLContext context;

  private Trust(X509TrustManager manager) throws GeneralSecurityException {
    this.manager = manager;
    this.context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {manager}, null);
  }

  static Trust of(List<X509Certificate> extra) {
    try {
      X509TrustManager defaults = managerFor(null);
      if (extra.isEmpty()) return new Trust(defaults);
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate c : defaults.getAcceptedIssuers()) store.setCertificateEntry("default-" + n++, c);
      for (X509Certificate c : extra) store.setCertificateEntry("extra-" + n++, c);
      return new Trust(managerFor(store));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager managerFor(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) return x;
    }
    throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
  }

  SSLContext sslContext() {
    return context;
  }

  /**
   * Null if the chain leads to a trusted root and every certificate is valid now; otherwise why not.
   * Host names are not checked here (see {@link TlsInspector}). The key exchange is not known
   * outside a handshake, so the check uses the TLS 1.3 auth type {@code UNKNOWN}.
   */
  String problem(X509Certificate[] chain) {
    try {
      manager.checkServerTrusted(chain, "UNKNOWN");
      return null;
    } catch (CertificateException e) {
      return Failures.tlsReason(e, e);
    }
  }
}
