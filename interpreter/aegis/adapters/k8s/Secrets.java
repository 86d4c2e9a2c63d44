package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets: created once and grown key by key ({@code ensureSecret}), TLS Secrets from PEM
 * ({@code ensureTlsSecret}), single values read back. Values exist only in the request body; what
 * is planned or reported names keys, never values.
 */
public final class Secrets {
  private Secrets() {}

  /** What {@code ensureSecret} would do: keys to add, keys to replace (values differ), or nothing. */
  public record Plan(Secret live, Secret desired, List<String> added, List<String> replaced) {
    public boolean creates() { return live == null; }

    public boolean changes() { return creates() || !added.isEmpty() || !replaced.isEmpty(); }
  }

  public static Plan plan(Kube kube, String ns, String name, Map<String, String> values, boolean overwrite) {
    Secret live = read(kube, ns, name);
    var encoded = new LinkedHashMap<String, String>();
    values.forEach((k, v) -> encoded.put(k, encode(v)));
    if (live == null) {
      var desired = new SecretBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
          .withType("Opaque").withData(encoded).build();
      return new Plan(null, desired, List.copyOf(encoded.keySet()), List.of());
    }
    var data = new LinkedHashMap<String, String>(live.getData() == null ? Map.of() : live.getData());
    var added = new ArrayList<String>();
    var replaced = new ArrayList<String>();
    encoded.forEach((k, v) -> {
      if (!data.containsKey(k)) {
        added.add(k);
        data.put(k, v);
      } else if (overwrite && !data.get(k).equals(v)) {
        replaced.add(k);
        data.put(k, v);
      }
    });
    var desired = new SecretBuilder(live).withData(data).build();
    return new Plan(live, desired, added, replaced);
  }

  public static void ensure(Kube kube, Plan plan) {
    if (!plan.changes()) return;
    var s = plan.desired();
    String what = (plan.creates() ? "create" : "update") + " Secret " + s.getMetadata().getNamespace() + "/" + s.getMetadata().getName();
    kube.run(what, () -> {
      if (plan.creates()) kube.client().secrets().resource(s).create();
      else kube.client().secrets().resource(s).update();
    });
  }

  /** The {@code kubernetes.io/tls} Secret for a checked certificate and key. */
  public static Secret tls(String ns, String name, TlsMaterial tls) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withType("kubernetes.io/tls")
        .addToData("tls.crt", encode(tls.certificatePem()))
        .addToData("tls.key", encode(tls.keyPem()))
        .build();
  }

  /** Creates the TLS Secret, or replaces it (type included) when it exists. */
  public static void ensureTls(Kube kube, Secret desired) {
    String ns = desired.getMetadata().getNamespace();
    String name = desired.getMetadata().getName();
    kube.run("write TLS Secret " + ns + "/" + name, () -> {
      Secret live = kube.client().secrets().inNamespace(ns).withName(name).get();
      if (live == null) {
        kube.client().secrets().resource(desired).create();
      } else if (!"kubernetes.io/tls".equals(live.getType())) {
        // A Secret's type cannot change in place: replace it.
        kube.client().secrets().resource(live).delete();
        kube.client().secrets().resource(desired).create();
      } else {
        desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
        kube.client().secrets().resource(desired).update();
      }
    });
  }

  /** The value of {@code key}; fails when the Secret or the key is missing, naming the keys there are. */
  public static String value(Kube kube, String ns, String name, String key) {
    Secret s = read(kube, ns, name);
    if (s == null) throw new AdapterException("kubernetes", "Secret " + ns + "/" + name + " does not exist");
    var data = s.getData() == null ? Map.<String, String>of() : s.getData();
    String encoded = data.get(key);
    if (encoded == null) {
      throw new AdapterException("kubernetes", "Secret " + ns + "/" + name + " has no key `" + key + "`; it has "
          + (data.isEmpty() ? "none" : String.join(", ", data.keySet())));
    }
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  static Secret read(Kube kube, String ns, String name) {
    return kube.call("read Secret " + ns + "/" + name, () -> kube.client().secrets().inNamespace(ns).withName(name).get());
  }

  static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
