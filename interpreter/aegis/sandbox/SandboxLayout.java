package aegis.sandbox;

import aegis.adapters.HomePaths;
import aegis.eval.Value;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where every part of the sandbox listens and keeps its files, read from the sandbox
 * environment's value ({@code environments/sandbox.aegis}): the environment is the one place the
 * ports are written down, so the servers the sandbox starts and the runbooks that use them cannot
 * disagree. {@link #of} refuses an environment that is not served on the loopback interface.
 *
 * @param namespace   the platform's Kubernetes namespace (seeded workloads, metric labels)
 * @param directory   the sandbox's own files: the Vault token, the TLS key store, the kubeconfig
 *                    (the directory of the Vault token file)
 * @param fixtures    the HTTP health fixtures, by service; null when no service is served by them
 * @param cluster     the Kubernetes API and the objects the runbooks look for; null when the environment names no server
 * @param services    every service, for the Kubernetes workloads the sandbox seeds
 * @param credentials every credential the environment keeps in Vault, which the sandbox seeds
 */
public record SandboxLayout(
    String namespace, Path directory, Postgres postgres, Neo4j neo4j, Vault vault, Cluster cluster,
    int prometheusPort, int alertmanagerPort, int smtpPort, Fixtures fixtures, Tls tls,
    List<ServiceSpec> services, List<CredentialSpec> credentials) {

  public SandboxLayout {
    services = List.copyOf(services);
    credentials = List.copyOf(credentials);
  }

  /** PostgreSQL on {@code port}; the platform's database and the role aegis connects as. */
  public record Postgres(int port, String database, String user, CredentialSpec password) {}

  /** Neo4j's Bolt port, and its HTTP port when the environment checks Neo4j's health over HTTP (else null). */
  public record Neo4j(int boltPort, Integer httpPort) {}

  /** Vault's port, the file the sandbox writes its token to, and where {@code vault.saveInitKeys} writes. */
  public record Vault(int port, Path tokenFile, Path initKeysFile) {}

  /**
   * The services answered by the HTTP fixtures: one port, each service under its own path
   * ({@code /data-ingestion}), healthy at that path plus its health path.
   *
   * @param healthPaths health path by service path, e.g. {@code /data-ingestion -> /health}
   */
  public record Fixtures(int port, Map<String, String> healthPaths) {
    public Fixtures { healthPaths = Map.copyOf(healthPaths); }
  }

  /**
   * The Kubernetes API's port, and the names of the objects runbooks expect in the cluster.
   *
   * @param certIssuer the cert-manager issuer of the ingress certificate; null when it comes from Vault
   */
  public record Cluster(int port, String monitoringNamespace, String ingressName, String tlsCertificate, String certIssuer) {}

  /**
   * The TLS endpoint: the ingress host its certificate names, its port, and the file the sandbox
   * writes its cert-manager CA to (the environment's {@code trustedCa}; null when not set).
   */
  public record Tls(String host, int port, Path trustedCa) {
    public Tls(String host, int port) { this(host, port, null); }
  }

  /** What the sandbox needs of a service to seed its Kubernetes workload. */
  public record ServiceSpec(String name, String image, String version, String tier, String kind, int replicas, int port) {}

  /**
   * A credential the environment reads from Vault.
   *
   * @param usage where the environment uses it, as a field path: {@code slack.webhook}, {@code postgres.password}
   */
  public record CredentialSpec(String path, String key, String usage) {}

  /** The sandbox environment's value, read; fails naming the field that does not fit a loopback sandbox. */
  public static SandboxLayout of(Value.Rec env) throws SandboxException {
    var pg = rec(env, "postgres");
    var neo = rec(env, "neo4j");
    var vaultRec = rec(env, "vault");
    var kubernetes = env.get("kubernetes") instanceof Value.Rec k ? k : null;
    String kubeServer = kubernetes == null ? null : optionalString(kubernetes, "server");

    var postgres = new Postgres(intField(pg, "port", "postgres.port"), string(pg, "database", "postgres.database"),
        string(pg, "user", "postgres.user"), credential(pg.get("password"), "postgres.password"));
    loopback(string(pg, "host", "postgres.host"), "postgres.host");
    int vaultPort = port(string(vaultRec, "address", "vault.address"), "vault.address");
    var tokenFile = optionalString(vaultRec, "tokenFile");
    if (tokenFile == null || tokenFile.isBlank()) {
      throw new SandboxException("the sandbox environment's vault.tokenFile is not set: the sandbox writes the token of "
          + "its Vault there (e.g. ~/.aegis/sandbox/vault-token)");
    }
    var tokenPath = HomePaths.expand(tokenFile);
    var vault = new Vault(vaultPort, tokenPath, HomePaths.expand(string(env, "vaultInitKeysFile", "vaultInitKeysFile")));
    int boltPort = port(string(neo, "uri", "neo4j.uri"), "neo4j.uri");

    var services = new ArrayList<ServiceSpec>();
    var fixtureHealth = new LinkedHashMap<String, String>();
    Set<Integer> fixturePorts = new TreeSet<>();
    Integer neo4jHttp = null;
    Set<Integer> servedElsewhere = Set.of(vaultPort, postgres.port(), boltPort);
    if (!(env.get("services") instanceof Value.ListV list)) throw new SandboxException("the sandbox environment has no services");
    for (var item : list.items()) {
      var svc = (Value.Rec) item;
      var name = string(svc, "name", "services[].name");
      var field = "service " + name + " url";
      var url = string(svc, "url", field);
      services.add(new ServiceSpec(name, string(svc, "image", "image"), string(svc, "version", "version"),
          ((Value.EnumV) svc.get("tier")).member(), ((Value.EnumV) svc.get("kind")).member(),
          (int) ((Value.Int) svc.get("replicas")).value(), (int) ((Value.Int) svc.get("port")).value()));
      if (!(svc.get("httpHealth") instanceof Value.Bool b && b.value())) continue;
      int port = port(url, field);
      if (name.equals("neo4j")) {
        neo4jHttp = port;
      } else if (!servedElsewhere.contains(port)) {
        fixturePorts.add(port);
        fixtureHealth.put(uri(url, field).getPath(), string(svc, "healthPath", "healthPath"));
      }
    }
    if (fixturePorts.size() > 1) {
      throw new SandboxException("the sandbox's services are on ports " + fixturePorts
          + ": the HTTP fixtures serve every service on one port, each under its own path");
    }
    var fixtures = fixturePorts.isEmpty() ? null : new Fixtures(fixturePorts.iterator().next(), fixtureHealth);

    var ingressHost = string(env, "ingressHost", "ingressHost");
    loopback(ingressHost, "ingressHost");
    var smtp = rec(env, "smtp");
    loopback(string(smtp, "host", "smtp.host"), "smtp.host");

    var credentials = new ArrayList<CredentialSpec>();
    collectCredentials(env, "", credentials);
    var cluster = kubeServer == null ? null : new Cluster(port(kubeServer, "kubernetes.server"),
        string(env, "monitoringNamespace", "monitoringNamespace"), string(env, "ingressName", "ingressName"),
        string(env, "tlsCertificate", "tlsCertificate"), optionalString(env, "certIssuer"));
    return new SandboxLayout(string(env, "namespace", "namespace"), tokenPath.toAbsolutePath().getParent(), postgres,
        new Neo4j(boltPort, neo4jHttp), vault, cluster,
        port(string(env, "prometheusUrl", "prometheusUrl"), "prometheusUrl"),
        port(string(env, "alertmanagerUrl", "alertmanagerUrl"), "alertmanagerUrl"),
        intField(smtp, "port", "smtp.port"), fixtures, new Tls(ingressHost, intField(env, "ingressPort", "ingressPort"),
            optionalString(env, "trustedCa") == null ? null : HomePaths.expand(optionalString(env, "trustedCa"))),
        services, credentials);
  }

  /** The Slack webhook URL the fixtures answer, for seeding the environment's webhook credential. */
  public String slackWebhookUrl() {
    return fixtures == null ? null : "http://127.0.0.1:" + fixtures.port() + "/slack";
  }

  private static void collectCredentials(Value value, String path, List<CredentialSpec> out) {
    switch (value) {
      case Value.Rec r when r.type().equals("Credential") || r.type().endsWith(".Credential") -> {
        if (r.get("vaultPath") instanceof Value.Str p) out.add(new CredentialSpec(p.value(), ((Value.Str) r.get("key")).value(), path));
      }
      case Value.Rec r -> r.fields().forEach((name, v) -> collectCredentials(v, path.isEmpty() ? name : path + "." + name, out));
      case Value.ListV l -> l.items().forEach(v -> collectCredentials(v, path + "[]", out));
      case Value.MapV m -> m.entries().forEach((k, v) -> collectCredentials(v, path + "[" + k + "]", out));
      default -> { }
    }
  }

  private static CredentialSpec credential(Value value, String usage) {
    if (value instanceof Value.Rec r && r.get("vaultPath") instanceof Value.Str p) {
      return new CredentialSpec(p.value(), ((Value.Str) r.get("key")).value(), usage);
    }
    return null;
  }

  private static void loopback(String host, String field) throws SandboxException {
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1") && !host.equals("[::1]")) {
      throw new SandboxException("the sandbox environment's " + field + " is `" + host
          + "`: the sandbox serves everything on 127.0.0.1 (localhost) only");
    }
  }

  private static URI uri(String url, String field) throws SandboxException {
    try {
      var uri = new URI(url);
      if (uri.getHost() == null) throw new SandboxException("the sandbox environment's " + field + " `" + url + "` has no host");
      return uri;
    } catch (URISyntaxException e) {
      throw new SandboxException("the sandbox environment's " + field + " `" + url + "` is not a URL");
    }
  }

  /** The port of a loopback URL; it must be given (the sandbox listens on fixed ports). */
  private static int port(String url, String field) throws SandboxException {
    var uri = uri(url, field);
    loopback(uri.getHost(), field);
    if (uri.getPort() < 0) throw new SandboxException("the sandbox environment's " + field + " `" + url + "` names no port");
    return uri.getPort();
  }

  private static Value.Rec rec(Value.Rec rec, String field) throws SandboxException {
    if (rec.get(field) instanceof Value.Rec r) return r;
    throw new SandboxException("the sandbox environment has no " + field);
  }

  private static String string(Value.Rec rec, String field, String name) throws SandboxException {
    if (rec.get(field) instanceof Value.Str s) return s.value();
    throw new SandboxException("the sandbox environment has no " + name);
  }

  private static String optionalString(Value.Rec rec, String field) {
    return rec.get(field) instanceof Value.Str s ? s.value() : null;
  }

  private static int intField(Value.Rec rec, String field, String name) throws SandboxException {
    if (rec.get(field) instanceof Value.Int i) return (int) i.value();
    throw new SandboxException("the sandbox environment has no " + name);
  }
}
