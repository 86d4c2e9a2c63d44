package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PEM certificate chain and its private key, checked before anything is written: both must be
 * PEM, and the key must be the certificate's (it signs, the certificate's public key verifies).
 * Keys may be PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}).
 */
public record TlsMaterial(String certificatePem, String keyPem, String subject, Instant notAfter) {
  private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

  /** Reads and checks the pair; messages name the problem, never the material. */
  public static TlsMaterial of(String certificatePem, String keyPem) {
    List<X509Certificate> chain = certificates(certificatePem);
    PrivateKey key = privateKey(keyPem);
    X509Certificate leaf = chain.getFirst();
    if (!matches(key, leaf)) {
      throw new AdapterException("kubernetes", "the private key does not belong to the certificate "
          + leaf.getSubjectX500Principal().getName() + ": check that both come from the same issuance");
    }
    return new TlsMaterial(certificatePem, keyPem, leaf.getSubjectX500Principal().getName(), leaf.getNotAfter().toInstant());
  }

  /** The subject and expiry of the first certificate in {@code pem} (no key): what a live TLS Secret serves. */
  public static TlsMaterial certificateOnly(String pem) {
    X509Certificate leaf = certificates(pem).getFirst();
    return new TlsMaterial(pem, null, leaf.getSubjectX500Principal().getName(), leaf.getNotAfter().toInstant());
  }

  private static List<X509Certificate> certificates(String pem) {
    var out = new ArrayList<X509Certificate>();
    try {
      var factory = CertificateFactory.getInstance("X.509");
      var m = BLOCK.matcher(pem);
      while (m.find()) {
        if (!m.group(1).equals("CERTIFICATE")) continue;
        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der(m.group(2)))));
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new AdapterException("kubernetes", "the certificate is not a valid PEM X.509 certificate: " + e.getMessage());
    }
    if (out.isEmpty()) throw new AdapterException("kubernetes", "the certificate is not PEM: no -----BEGIN CERTIFICATE----- block");
    return out;
  }

  private static PrivateKey privateKey(String pem) {
    var m = BLOCK.matcher(pem);
    if (!m.find()) throw new AdapterException("kubernetes", "the private key is not PEM: no -----BEGIN ... PRIVATE KEY----- block");
    byte[] der;
    try {
      der = der(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new AdapterException("kubernetes", "the private key's PEM block is not valid base64");
    }
    byte[] pkcs8 = switch (m.group(1)) {
      case "PRIVATE KEY" -> der;
      case "RSA PRIVATE KEY" -> rsaPkcs1ToPkcs8(der);
      default -> throw new AdapterException("kubernetes", "the private key is a " + m.group(1)
          + " block; convert it to PKCS#8 (`openssl pkcs8 -topk8 -nocrypt`) or use an RSA key");
    };
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next
      }
    }
    throw new AdapterException("kubernetes", "the private key is not an RSA, EC or EdDSA key in PKCS#8");
  }

  private static boolean matches(PrivateKey key, X509Certificate cert) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> key.getAlgorithm();
    };
    try {
      byte[] probe = new byte[32];
      new SecureRandom().nextBytes(probe);
      var signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      var verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] der(String base64) {
    return Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, NULL). */
  private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
    byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = concat(new byte[] {0x04}, length(pkcs1.length), pkcs1);
    byte[] body = concat(version, algorithm, octets);
    return concat(new byte[] {0x30}, length(body.length), body);
  }

  private static byte[] length(int n) {
    if (n < 0x80) return new byte[] {(byte) n};
    if (n < 0x100) return new byte[] {(byte) 0x81, (byte) n};
    if (n < 0x10000) return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Override
  public String toString() { return "TlsMaterial[" + subject + ", notAfter=" + notAfter + "]"; }
}
