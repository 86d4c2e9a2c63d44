package aegis.sandbox.k8s;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The CA behind the sandbox's cert-manager issuer: a key made when the sandbox starts (it lives as
 * long as the in-memory cluster whose certificates it signs) and a self-signed CA certificate,
 * which the sandbox writes where the sandbox environment's {@code trustedCa} points, so that a
 * certificate it issued is trusted as a public CA's would be in production.
 */
public final class SandboxIssuer {
  /** A certificate issued for a cert-manager Certificate: what goes into its TLS Secret. */
  public record Issued(String certificatePem, String privateKeyPem, String caPem, X509Certificate certificate) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keys;
  private final X509Certificate ca;

  private SandboxIssuer(KeyPair keys, X509Certificate ca) {
    this.keys = keys;
    this.ca = ca;
  }

  public static SandboxIssuer create() throws GeneralSecurityException {
    var keys = ecKeys();
    var name = new X500Name("CN=aegis sandbox CA, O=aegis sandbox");
    var now = Instant.now();
    var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
    try {
      var ext = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
    } catch (CertIOException e) {
      throw new GeneralSecurityException("cannot build the sandbox CA certificate: " + e.getMessage(), e);
    }
    return new SandboxIssuer(keys, sign(builder, keys));
  }

  public X509Certificate caCertificate() { return ca; }

  public String caPem() throws GeneralSecurityException { return pem("CERTIFICATE", ca.getEncoded()); }

  /** A fresh key and a certificate for {@code dnsNames} (the first is the subject's CN), valid from {@code notBefore} to {@code notAfter}. */
  public Issued issue(List<String> dnsNames, Instant notBefore, Instant notAfter) throws GeneralSecurityException {
    var leafKeys = ecKeys();
    var builder = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(notBefore), Date.from(notAfter),
        new X500Name("CN=" + dnsNames.getFirst()), leafKeys.getPublic());
    try {
      var ext = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(dnsNames.stream().distinct().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
      builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
    } catch (CertIOException e) {
      throw new GeneralSecurityException("cannot build a certificate for " + dnsNames + ": " + e.getMessage(), e);
    }
    var leaf = sign(builder, keys);
    return new Issued(pem("CERTIFICATE", leaf.getEncoded()), pem("PRIVATE KEY", leafKeys.getPrivate().getEncoded()), caPem(), leaf);
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) throws GeneralSecurityException {
    try {
      var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign a sandbox certificate: " + e.getMessage(), e);
    }
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    var generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static BigInteger serial() { return new BigInteger(127, RANDOM).add(BigInteger.ONE); }

  static String pem(String type, byte[] der) {
    var body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
