package aegis.adapters.http;

import java.time.Duration;

/**
 * What a TLS server presented and whether a client would trust it. The certificate is reported
 * even when it is not trusted: a certificate check wants to know that the expired or self-signed
 * certificate is there, not only that the handshake failed.
 *
 * @param certificate     the leaf certificate; null when the handshake could not happen ({@code error})
 * @param chainLength     how many certificates the server sent
 * @param trusted         the chain leads to a trusted root and every certificate in it is valid now
 *                        (at the adapter's clock); the host name is reported apart
 * @param trustProblem    why it is not trusted, or null
 * @param hostnameMatches the certificate names the host that was asked for (SAN DNS or IP entry)
 * @param protocol        the negotiated protocol: {@code TLSv1.3}
 * @param latency         connect plus handshake
 */
public record TlsResult(String host, int port, TlsCertificate certificate, int chainLength, boolean trusted, String trustProblem,
                        boolean hostnameMatches, String protocol, Duration latency, HttpFailure error) {

  static TlsResult failed(String host, int port, Duration latency, HttpFailure error) {
    return new TlsResult(host, port, null, 0, false, null, false, null, latency, error);
  }

  public boolean failed() {
    return error != null;
  }
}
