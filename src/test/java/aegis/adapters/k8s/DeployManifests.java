package aegis.adapters.k8s;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifests {@code runbooks/deploy.aegis} applies, rendered from the real templates (Jinjava,
 * strict) with sandbox-like values: RBAC, storage, the 9 components, monitoring and ingress.
 */
final class DeployManifests {
  /** One {@code k8s.apply}: the rendered YAML and the namespace it is applied with (null for none). */
  record Apply(String name, String yaml, String namespace) {}

  private record Component(String name, String image, String tier, int port, String template) {}

  static final String NAMESPACE = "aegis-bench";

  private static final List<Component> COMPONENTS = List.of(
      new Component("vault", "hashicorp/vault", "Security", 8200, "vault.yaml.j2"),
      new Component("postgresql", "postgres", "Database", 5432, "postgresql.yaml.j2"),
      new Component("neo4j", "neo4j", "Database", 7687, "neo4j.yaml.j2"),
      new Component("data-ingestion", "aegisshield/data-ingestion", "Backend", 8080, "service.yaml.j2"),
      new Component("entity-resolution", "aegisshield/entity-resolution", "Backend", 8080, "service.yaml.j2"),
      new Component("graph-engine", "aegisshield/graph-engine", "Backend", 8080, "service.yaml.j2"),
      new Component("alert-engine", "aegisshield/alert-engine", "Backend", 8080, "service.yaml.j2"),
      new Component("api-gateway", "aegisshield/api-gateway", "Backend", 8080, "service.yaml.j2"),
      new Component("frontend", "aegisshield/frontend", "Frontend", 8080, "service.yaml.j2"));

  private DeployManifests() {}

  /** Every apply of a deploy of {@code version} with {@code replicas} per component, in deploy order. */
  static List<Apply> render(String version, int replicas) throws IOException {
    var jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());
    var env = new HashMap<String, Object>();
    env.putAll(Map.of("name", "bench", "namespace", NAMESPACE, "monitoringNamespace", "monitoring", "storageClass", "fast-ssd",
        "postgres", Map.of("host", "postgresql." + NAMESPACE + ".svc.cluster.local", "database", "aegisshield"),
        "neo4j", Map.of("uri", "bolt://neo4j:7687"), "vault", Map.of("address", "http://vault:8200"),
        "thresholds", Map.of("disk", 0.8, "errorRate5xx", 0.001, "restarts", 3)));
    env.putAll(Map.of("ingressHost", "aegis.example", "apiHost", "api.aegis.example", "ingressName", "aegisshield",
        "tlsCertificate", "aegisshield-tls", "certIssuer", "letsencrypt-prod"));
    var out = new ArrayList<Apply>();
    out.add(new Apply("rbac", render(jinjava, "rbac.yaml.j2", env, null), NAMESPACE));
    out.add(new Apply("storage", render(jinjava, "storage.yaml.j2", env, null), null));
    for (var c : COMPONENTS) {
      var service = new HashMap<String, Object>(Map.of("name", c.name(), "image", c.image(), "version", version, "tier", c.tier(),
          "port", c.port(), "replicas", replicas, "healthPath", "/health",
          "resources", Map.of("cpu", "100m", "memory", "256Mi", "storage", "1Gi")));
      out.add(new Apply(c.name(), render(jinjava, c.template(), env, service), NAMESPACE));
    }
    out.add(new Apply("monitoring", render(jinjava, "monitoring.yaml.j2", env, null), "monitoring"));
    out.add(new Apply("ingress", render(jinjava, "ingress.yaml.j2", env, null), NAMESPACE));
    return out;
  }

  private static String render(Jinjava jinjava, String template, Map<String, Object> env, Map<String, Object> service)
      throws IOException {
    var context = new HashMap<String, Object>(Map.of("env", env, "values", Map.of("p95Seconds", "2.0")));
    if (service != null) context.put("service", service);
    return jinjava.render(Files.readString(Path.of("runbooks/templates", template)), context);
  }
}
