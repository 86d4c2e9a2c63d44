package aegis.plan;

/**
 * What a planned action acts on. Kubernetes objects fill {@code kind}, {@code namespace} and
 * {@code name}; other systems may give only a {@code name} (a database, a Vault path, a URL).
 *
 * @param system    the adapter's module name: {@code k8s}, {@code pg}, {@code neo4j}, {@code vault},
 *                  {@code http}, {@code smtp}
 * @param kind      e.g. {@code Deployment}, {@code Database}; may be null
 * @param namespace Kubernetes namespace, or null
 * @param name      the object's name, or null
 * @param display   how people read it: {@code k8s Deployment aegis/api-gateway}
 */
public record Target(String system, String kind, String namespace, String name, String display) {
  public Target {
    if (system == null || system.isBlank()) throw new IllegalArgumentException("a target needs a system");
    if (display == null || display.isBlank()) display = describe(system, kind, namespace, name);
  }

  /** A Kubernetes object; {@code namespace} is null for cluster-scoped kinds. */
  public static Target k8s(String kind, String namespace, String name) {
    return new Target("k8s", kind, namespace, name, null);
  }

  /** A target of another system, named by a human string (e.g. {@code pg aegisshield}). */
  public static Target of(String system, String kind, String name) {
    return new Target(system, kind, null, name, null);
  }

  private static String describe(String system, String kind, String namespace, String name) {
    var b = new StringBuilder(system);
    if (kind != null) b.append(' ').append(kind);
    if (name != null) b.append(' ').append(namespace != null ? namespace + "/" + name : name);
    return b.toString();
  }

  @Override
  public String toString() {
    return display;
  }
}
