package aegis.adapters.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Connects to a TLS server and reads the certificate it presents. The handshake accepts any
 * certificate — on purpose, and only here: a certificate check must be able to look at a
 * certificate that is expired, self-signed or issued for another name, which a validating
 * handshake would refuse before we saw it. Nothing is sent over this connection; trust is then
 * decided separately, with the same trust store the HTTP client uses, and reported as
 * {@link TlsResult#trusted()}.
 */
final class TlsInspector {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

  private final Trust trust;
  private final Clock clock;
  private final SSLSocketFactory inspectOnly;

  TlsInspector(Trust trust, Clock clock) {
    this.trust = trust;
    this.clock = clock;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AcceptAnything()}, null);
      this.inspectOnly = context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS: " + e.getMessage(), e);
    }
  }

  TlsResult inspect(String host, int port, Duration timeout) {
    long start = System.nanoTime();
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    try (Socket raw = new Socket()) {
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        return TlsResult.failed(host, port, since(start), new HttpFailure(HttpFailure.Kind.DNS, "cannot resolve host `" + host + "`"));
      }
      raw.connect(address, millis);
      raw.setSoTimeout(millis);
      try (SSLSocket tls = (SSLSocket) inspectOnly.createSocket(raw, host, port, true)) {
        if (!IP_LITERAL.matcher(host).matches()) {
          var params = tls.getSSLParameters();
          params.setServerNames(List.of(new SNIHostName(host)));
          tls.setSSLParameters(params);
        }
        tls.startHandshake();
        Certificate[] presented = tls.getSession().getPeerCertificates();
        X509Certificate[] chain = Arrays.stream(presented).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        String problem = validityProblem(chain);
        if (problem == null) problem = trust.problem(chain);
        return new TlsResult(host, port, describe(chain[0]), chain.length, problem == null, problem, names(chain[0], host),
            tls.getSession().getProtocol(), since(start), null);
      }
    } catch (IOException | RuntimeException e) {
      return TlsResult.failed(host, port, since(start), Failures.classify(e, host, port, timeout));
    }
  }

  /**
   * The JDK does not check the validity dates of a certificate it trusts directly (a trust anchor),
   * so dates are checked here, at the adapter's clock, for every certificate of the chain.
   */
  private String validityProblem(X509Certificate[] chain) {
    Instant now = clock.instant();
    for (int i = 0; i < chain.length; i++) {
      X509Certificate c = chain[i];
      String which = i == 0 ? "the certificate" : "certificate `" + c.getSubjectX500Principal().getName() + "` in the chain";
      if (now.isAfter(c.getNotAfter().toInstant())) return which + " expired on " + c.getNotAfter().toInstant();
      if (now.isBefore(c.getNotBefore().toInstant())) return which + " is not valid before " + c.getNotBefore().toInstant();
    }
    return null;
  }

  private TlsCertificate describe(X509Certificate c) {
    Instant notAfter = c.getNotAfter().toInstant();
    long daysLeft = Math.floorDiv(Duration.between(clock.instant(), notAfter).toSeconds(), 86_400L);
    return new TlsCertificate(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(), c.getNotBefore().toInstant(),
        notAfter, daysLeft, altNames(c), c.getSerialNumber().toString(16), fingerprint(c));
  }

  private static List<String> altNames(X509Certificate c) {
    List<String> names = new ArrayList<>();
    try {
      var all = c.getSubjectAlternativeNames();
      if (all == null) return names;
      for (List<?> entry : all) {
        int type = (Integer) entry.get(0);
        if (type == 2) names.add("DNS:" + entry.get(1));
        else if (type == 7) names.add("IP:" + entry.get(1));
        else if (type == 1) names.add("email:" + entry.get(1));
        else if (type == 6) names.add("URI:" + entry.get(1));
      }
    } catch (CertificateParsingException e) {
      names.add("(unreadable: " + e.getMessage() + ")");
    }
    return names;
  }

  /** RFC 6125 in short: IP hosts match IP entries; names match DNS entries, a wildcard only as a whole left-most label. */
  static boolean names(X509Certificate c, String host) {
    List<String> sans = altNames(c);
    if (IP_LITERAL.matcher(host).matches()) {
      try {
        InetAddress wanted = InetAddress.getByName(host);
        for (String san : sans) {
          if (san.startsWith("IP:") && InetAddress.getByName(san.substring(3)).equals(wanted)) return true;
        }
      } catch (IOException e) {
        return false;
      }
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String san : sans) {
      if (!san.startsWith("DNS:")) continue;
      String name = san.substring(4).toLowerCase(Locale.ROOT);
      if (name.equals(h)) return true;
      if (name.startsWith("*.") && h.indexOf('.') > 0 && h.substring(h.indexOf('.')).equals(name.substring(1))) return true;
    }
    return false;
  }

  private static String fingerprint(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (GeneralSecurityException e) {
      return "(unavailable: " + e.getMessage() + ")";
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /**
   * Accepts every certificate, for inspection only (see the class comment). An extended manager,
   * so the JDK does not wrap it with checks of its own that would refuse the very certificates a
   * certificate check needs to see.
   */
  private static final class AcceptAnything extends X509ExtendedTrustManager {
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
    @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
  }
}
