package aegis.sandbox;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What an ingress controller does with the Ingress's TLS Secret: polls the sandbox's cluster for
 * the Secret the Ingress names for the ingress host and, when its content changes, has the TLS
 * endpoint serve the new certificate and key. A cluster that is not (yet) there, an Ingress
 * without TLS or a Secret that cannot be read leaves what is served as it is.
 */
final class IngressSecretWatch implements AutoCloseable {
  private final TlsEndpoint.IngressSource source;
  private final String host;
  private final SwitchingContext served;
  private final KubernetesClient client;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    var t = new Thread(r, "sandbox-ingress-tls");
    t.setDaemon(true);
    return t;
  });
  private String loaded;

  private IngressSecretWatch(TlsEndpoint.IngressSource source, String host, SwitchingContext served) {
    this.source = source;
    this.host = host;
    this.served = served;
    this.client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(source.apiUrl())
        .withRequestTimeout(5_000).withConnectionTimeout(2_000).build()).build();
  }

  static IngressSecretWatch start(TlsEndpoint.IngressSource source, String host, SwitchingContext served, long pollMillis) {
    var watch = new IngressSecretWatch(source, host, served);
    watch.loop.scheduleWithFixedDelay(watch::pollQuietly, 0, pollMillis, TimeUnit.MILLISECONDS);
    return watch;
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (KubernetesClientException | GeneralSecurityException | IllegalArgumentException e) {
      // No cluster yet, or a Secret that is not a certificate: keep serving what is served.
    } catch (RuntimeException e) {
      // Anything else one poll meets: an exception would cancel the schedule, and the endpoint
      // would never see a renewed certificate again.
    }
  }

  private void poll() throws GeneralSecurityException {
    var ingress = client.network().v1().ingresses().inNamespace(source.namespace()).withName(source.ingressName()).get();
    if (ingress == null || ingress.getSpec() == null || ingress.getSpec().getTls() == null) return;
    String secretName = ingress.getSpec().getTls().stream().filter(t -> t.getHosts() != null && t.getHosts().contains(host))
        .map(IngressTLS::getSecretName).filter(Objects::nonNull).findFirst().orElse(null);
    if (secretName == null) return;
    Secret secret = client.secrets().inNamespace(source.namespace()).withName(secretName).get();
    if (secret == null || secret.getData() == null) return;
    String crt = secret.getData().get("tls.crt");
    String key = secret.getData().get("tls.key");
    if (crt == null || key == null || (crt + key).equals(loaded)) return;
    var chain = CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(Base64.getDecoder().decode(crt))).stream()
        .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    if (chain.length == 0) return;
    var store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    char[] password = "ingress".toCharArray();
    store.setKeyEntry("ingress", privateKey(new String(Base64.getDecoder().decode(key), StandardCharsets.US_ASCII),
        chain[0].getPublicKey().getAlgorithm()), password, chain);
    served.serve(SwitchingContext.serving(store, password), chain[0]);
    loaded = crt + key;
  }

  /** A PKCS#8 {@code PRIVATE KEY} in PEM (what the sandbox's cert-manager writes). */
  private static PrivateKey privateKey(String pem, String algorithm) throws GeneralSecurityException {
    String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  @Override
  public void close() {
    loop.shutdownNow();
    client.close();
  }
}
