package aegis.adapters.http;

import java.time.Instant;
import java.util.List;

/**
 * The certificate a TLS server presented (the leaf of its chain), for certificate checks.
 *
 * @param subject           RFC 2253 distinguished name: {@code CN=api.aegis.example,O=AegisShield}
 * @param issuer            the issuer's distinguished name
 * @param notAfter          when it expires
 * @param daysLeft          whole days from the inspection until {@code notAfter}, rounded down:
 *                          0 on its last day, negative once expired
 * @param subjectAltNames   {@code DNS:api.aegis.example}, {@code IP:10.0.0.7}, ...
 * @param serialNumber      hex
 * @param sha256Fingerprint of the DER encoding, hex, as {@code openssl x509 -fingerprint -sha256} prints it without colons
 */
public record TlsCertificate(String subject, String issuer, Instant notBefore, Instant notAfter, long daysLeft,
                             List<String> subjectAltNames, String serialNumber, String sha256Fingerprint) {
  public TlsCertificate {
    subjectAltNames = List.copyOf(subjectAltNames);
  }

  public boolean expired() {
    return daysLeft < 0;
  }
}
