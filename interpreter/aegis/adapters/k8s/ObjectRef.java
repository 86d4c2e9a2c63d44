package aegis.adapters.k8s;

/** A Kubernetes object by kind, name and namespace (null for cluster-scoped objects). */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

  /** {@code Deployment aegis-prod/api-gateway}, {@code StorageClass fast-ssd}. */
  public String describe() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
