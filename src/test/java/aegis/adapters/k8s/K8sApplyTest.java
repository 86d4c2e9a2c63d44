package aegis.adapters.k8s;

import static aegis.adapters.k8s.Calls.*;
import static org.junit.jupiter.api.Assertions.*;

import aegis.adapters.AdapterException;
import aegis.eval.Value;
import aegis.testing.k8s.MockCluster;
import aegis.testing.TestCallContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manifests, namespaces, secrets, releases, previews and failures, against the mock API with no controller. */
class K8sApplyTest {
  static MockCluster cluster;
  TestCallContext ctx;
  TestCallContext plan;

  @BeforeAll
  static void start() { cluster = MockCluster.withoutController(); }

  @AfterAll
  static void stop() { cluster.close(); }

  @BeforeEach
  void contexts() {
    ctx = TestCallContext.apply().kubernetes(cluster.url());
    plan = TestCallContext.plan().kubernetes(cluster.url());
  }

  @AfterEach
  void close() throws Exception {
    ctx.close();
    plan.close();
  }

  @Test
  void applyPlansCreatesThenUpdatesThenNothing() {
    String v1 = deploymentYaml("a1", "web", "shop/web:1.0", 2) + "---\n" + """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web-config, annotations: {team: shop}}
        data: {mode: fast}
        """;
    var created = preview(plan, "apply", s(v1), s("a1"));
    assertEquals("create", created.operation());
    assertTrue(created.live().isEmpty());
    assertEquals(2, created.desired().path("Deployment a1/web").path("spec").path("replicas").asInt());
    assertEquals("a1", created.desired().path("ConfigMap a1/web-config").path("metadata").path("namespace").asText());

    var refs = items(call(ctx, "apply", s(v1), s("a1")));
    assertEquals(2, refs.size());
    assertEquals("web-config", text(refs.get(1), "name"));
    assertNotNull(cluster.client().configMaps().inNamespace("a1").withName("web-config").get());
    assertEquals("noop", preview(plan, "apply", s(v1), s("a1")).operation());

    // Someone else annotates the live object: not the manifest's field, so not a change.
    cluster.client().configMaps().inNamespace("a1").withName("web-config")
        .edit(cm -> { cm.getMetadata().getAnnotations().put("other-tool/seen", "yes"); return cm; });
    String v2 = deploymentYaml("a1", "web", "shop/web:1.0", 3) + "---\n" + """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web-config}
        data: {mode: fast}
        """;
    var updated = preview(plan, "apply", s(v2), s("a1"));
    assertEquals("update", updated.operation());
    assertEquals(2, updated.live().path("Deployment a1/web").path("spec").path("replicas").asInt());
    assertEquals(3, updated.desired().path("Deployment a1/web").path("spec").path("replicas").asInt());
    var annotations = updated.desired().path("ConfigMap a1/web-config").path("metadata").path("annotations");
    assertTrue(annotations.path("team").isMissingNode(), "dropped from the manifest, so removed: " + annotations);
    assertEquals("yes", annotations.path("other-tool/seen").asText(), "set by someone else, so kept");
    assertTrue(updated.description().contains("2 to update"), updated.description());

    call(ctx, "apply", s(v2), s("a1"));
    assertEquals(3, cluster.client().apps().deployments().inNamespace("a1").withName("web").get().getSpec().getReplicas());
    var cm = cluster.client().configMaps().inNamespace("a1").withName("web-config").get();
    assertFalse(cm.getMetadata().getAnnotations().containsKey("team"));
    assertEquals("yes", cm.getMetadata().getAnnotations().get("other-tool/seen"));
    var releases = cluster.client().configMaps().inNamespace("a1").withLabel("aegis.dev/release", "true").list().getItems();
    assertEquals(2, releases.size(), "each apply that changed something is a release");
  }

  @Test
  void secretsInManifestsAreRedactedInPreviewsAndReleases() {
    String yaml = """
        apiVersion: v1
        kind: Secret
        metadata: {name: api-keys, namespace: a2}
        stringData: {token: hunter2-canary}
        """;
    var p = preview(plan, "apply", s(yaml), NULL);
    assertFalse(p.desired().toString().contains("hunter2"), p.desired().toString());
    assertEquals(true, p.desired().path("Secret a2/api-keys").path("data").path("token").path("$sensitive").asBoolean());
    call(ctx, "apply", s(yaml), NULL);
    var secret = cluster.client().secrets().inNamespace("a2").withName("api-keys").get();
    assertEquals("hunter2-canary", new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8));
    assertFalse(secret.getMetadata().getAnnotations().toString().contains(Base64.getEncoder().encodeToString("hunter2-canary".getBytes())));
    var release = cluster.client().configMaps().inNamespace("a2").withLabel("aegis.dev/release", "true").list().getItems().getFirst();
    assertFalse(release.getData().toString().contains("hunter2"));
    assertFalse(release.getData().toString().contains(Base64.getEncoder().encodeToString("hunter2-canary".getBytes())));
  }

  @Test
  void badManifestsFailNamingTheDocument() {
    var bad = assertThrows(AdapterException.class, () -> call(ctx, "apply", s("kind: [unclosed"), s("a3")));
    assertTrue(bad.getMessage().contains("invalid YAML"), bad.getMessage());
    var noKind = assertThrows(AdapterException.class, () -> call(ctx, "apply", s("apiVersion: v1\n---\napiVersion: v1\nkind: ConfigMap\n"), s("a3")));
    assertTrue(noKind.getMessage().contains("document 1 has no `kind`"), noKind.getMessage());
    var unknown = assertThrows(AdapterException.class, () -> call(ctx, "apply",
        s("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"), s("a3")));
    assertTrue(unknown.getMessage().contains("does not serve Widget in example.com/v1"), unknown.getMessage());
  }

  @Test
  void applyFilesReadsADirectoryInNameOrder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: second}\n");
    Files.writeString(dir.resolve("a.yml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: first}\n");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    try (var c = TestCallContext.apply().kubernetes(cluster.url()).runbookDirectory(dir.getParent())) {
      var refs = items(call(c, "applyFiles", s(dir.getFileName().toString()), s("a4")));
      assertEquals("[first, second]", refs.stream().map(r -> text(r, "name")).toList().toString());
    }
    assertNotNull(cluster.client().serviceAccounts().inNamespace("a4").withName("second").get());
  }

  @Test
  void ensureNamespaceCreatesAndMergesLabels() {
    assertEquals("create", preview(plan, "ensureNamespace", s("ns-a"), map("environment", "staging")).operation());
    call(ctx, "ensureNamespace", s("ns-a"), map("environment", "staging"));
    cluster.client().namespaces().withName("ns-a").edit(n -> { n.getMetadata().getLabels().put("owner", "ops"); return n; });
    assertEquals("noop", preview(plan, "ensureNamespace", s("ns-a"), map("environment", "staging")).operation());
    var p = preview(plan, "ensureNamespace", s("ns-a"), map("environment", "production"));
    assertEquals("update", p.operation());
    assertEquals("staging", p.live().path("metadata").path("labels").path("environment").asText());
    call(ctx, "ensureNamespace", s("ns-a"), map("environment", "production"));
    var labels = cluster.client().namespaces().withName("ns-a").get().getMetadata().getLabels();
    assertEquals(Map.of("environment", "production", "owner", "ops"), labels);
  }

  @Test
  void ensureSecretIsIdempotentAndNeverShowsValues() {
    var data = map("username", secret("postgres"), "password", secret("first-canary"));
    var create = preview(plan, "ensureSecret", s("s1"), s("db"), data, b(false));
    assertEquals("create", create.operation());
    assertFalse(create.desired().toString().contains("first-canary"));
    assertFalse(create.desired().toString().contains(Base64.getEncoder().encodeToString("first-canary".getBytes())));
    call(ctx, "ensureSecret", s("s1"), s("db"), data, b(false));
    assertTrue(ctx.secrets().contains("first-canary"));

    var rotated = map("username", secret("postgres"), "password", secret("second-canary"), "port", secret("5432"));
    var grow = preview(plan, "ensureSecret", s("s1"), s("db"), rotated, b(false));
    assertEquals("update", grow.operation());
    assertTrue(grow.description().contains("add keys port"), grow.description());
    assertFalse(grow.description().contains("replace"), "without overwrite an existing key is left alone");
    call(ctx, "ensureSecret", s("s1"), s("db"), rotated, b(false));
    assertEquals("first-canary", ((Value.Secret) call(ctx, "secretValue", s("s1"), s("db"), s("password"))).reveal());
    assertEquals("noop", preview(plan, "ensureSecret", s("s1"), s("db"), rotated, b(false)).operation());

    var overwrite = preview(plan, "ensureSecret", s("s1"), s("db"), rotated, b(true));
    assertEquals("update", overwrite.operation());
    assertTrue(overwrite.description().contains("replace the values of password"), overwrite.description());
    assertFalse(overwrite.live().toString().contains(Base64.getEncoder().encodeToString("first-canary".getBytes())));
    call(ctx, "ensureSecret", s("s1"), s("db"), rotated, b(true));
    assertEquals("second-canary", ((Value.Secret) call(ctx, "secretValue", s("s1"), s("db"), s("password"))).reveal());
    var missing = assertThrows(AdapterException.class, () -> call(ctx, "secretValue", s("s1"), s("db"), s("nope")));
    assertTrue(missing.getMessage().contains("has no key `nope`; it has"), missing.getMessage());
  }

  @Test
  void ensureTlsSecretChecksThePairAndPlansSubjectAndExpiry() throws Exception {
    String crt = resource("tls.crt");
    String key = resource("tls.key");
    var p = preview(plan, "ensureTlsSecret", s("t1"), s("tls"), secret(crt), secret(key));
    assertEquals("create", p.operation());
    assertEquals("CN=aegis.test", p.desired().path("certificate").path("subject").asText());
    assertFalse(p.desired().toString().contains("PRIVATE"));
    call(ctx, "ensureTlsSecret", s("t1"), s("tls"), secret(crt), secret(key));
    assertEquals("kubernetes.io/tls", cluster.client().secrets().inNamespace("t1").withName("tls").get().getType());
    var mismatch = assertThrows(AdapterException.class,
        () -> call(ctx, "ensureTlsSecret", s("t1"), s("tls"), secret(crt), secret(resource("other-rsa.key"))));
    assertTrue(mismatch.getMessage().contains("does not belong to the certificate CN=aegis.test"), mismatch.getMessage());
    var notPem = assertThrows(AdapterException.class, () -> call(ctx, "ensureTlsSecret", s("t1"), s("tls"), secret("hello"), secret(key)));
    assertTrue(notPem.getMessage().contains("not PEM"), notPem.getMessage());
    var sec1 = assertThrows(AdapterException.class,
        () -> call(ctx, "ensureTlsSecret", s("t1"), s("tls"), secret(crt), secret(resource("ec-sec1.key"))));
    assertTrue(sec1.getMessage().contains("EC PRIVATE KEY block; convert it to PKCS#8"), sec1.getMessage());
  }

  @Test
  void withoutReplicaSetsRollbackReappliesTheReleaseBefore() {
    call(ctx, "apply", s(deploymentYaml("a5", "api", "shop/api:1.0", 1)), s("a5"));
    call(ctx, "apply", s(deploymentYaml("a5", "api", "shop/api:2.0", 1)), s("a5"));
    var history = items(call(ctx, "releases", s("a5"), s("api"), deployment()));
    assertEquals(2, history.size());
    assertEquals("[shop/api:2.0]", field(history.getFirst(), "images").show());
    call(ctx, "rollback", s("a5"), s("api"), NULL, deployment());
    var live = cluster.client().apps().deployments().inNamespace("a5").withName("api").get();
    assertEquals("shop/api:1.0", live.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
  }

  @Test
  void certificatesRenewTheWayCmctlDoes() {
    cluster.client().genericKubernetesResources(Kinds.CERTIFICATE).inNamespace("c1").resource(new GenericKubernetesResourceBuilder()
        .withApiVersion("cert-manager.io/v1").withKind("Certificate").withNewMetadata().withName("site").withNamespace("c1").endMetadata()
        .addToAdditionalProperties("spec", Map.of("secretName", "site-tls", "dnsNames", java.util.List.of("a.example"),
            "issuerRef", Map.of("name", "letsencrypt", "kind", "ClusterIssuer")))
        .addToAdditionalProperties("status", Map.of("notAfter", "2027-01-01T00:00:00Z", "conditions",
            java.util.List.of(Map.of("type", "Ready", "status", "True", "reason", "Ready"))))
        .build()).create();
    var cert = call(ctx, "certificate", s("c1"), s("site"));
    assertEquals(Value.Bool.TRUE, field(cert, "ready"));
    assertEquals("2027-01-01T00:00:00Z", text(cert, "notAfter"));
    assertEquals("renew", preview(plan, "renewCertificate", s("c1"), s("site")).operation());
    call(ctx, "renewCertificate", s("c1"), s("site"));
    var live = Json.tree(cluster.client().genericKubernetesResources(Kinds.CERTIFICATE).inNamespace("c1").withName("site").get());
    var issuing = Resources.condition(live, "Issuing");
    assertNotNull(issuing, live.toString());
    assertEquals("True", issuing.path("status").asText());
    assertEquals("ManuallyTriggered", issuing.path("reason").asText());
    assertEquals("noop", preview(plan, "renewCertificate", s("c1"), s("site")).operation(), "already being issued");
    var missing = assertThrows(AdapterException.class, () -> call(ctx, "renewCertificate", s("c1"), s("nope")));
    assertTrue(missing.getMessage().contains("Certificate c1/nope does not exist"));
  }

  @Test
  void previewsSendNoWriteRequest(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("sa.yaml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: planned}\n");
    String certificate = "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: site}\n"
        + "spec: {secretName: site-tls, dnsNames: [a.example], issuerRef: {kind: ClusterIssuer, name: letsencrypt}}\n";
    call(ctx, "apply", s(deploymentYaml("p1", "web", "shop/web:1.0", 1) + "---\n" + certificate), s("p1"));
    call(ctx, "ensureSecret", s("p1"), s("db"), map("password", secret("x")), b(false));
    call(ctx, "apply", s(deploymentYaml("p1", "web", "shop/web:1.1", 1)), s("p1"));
    cluster.resetRequests();
    preview(plan, "ensureNamespace", s("p1"), map("a", "b"));
    preview(plan, "apply", s(deploymentYaml("p1", "web", "shop/web:2.0", 4)), s("p1"));
    preview(plan, "ensureSecret", s("p1"), s("db"), map("password", secret("y")), b(true));
    preview(plan, "ensureTlsSecret", s("p1"), s("tls"), secret(resource("tls.crt")), secret(resource("tls.key")));
    preview(plan, "scale", s("p1"), s("web"), i(5), deployment());
    preview(plan, "setImage", s("p1"), s("web"), s("shop/web:3.0"), NULL, deployment());
    preview(plan, "rolloutRestart", s("p1"), s("web"), deployment());
    preview(plan, "rollback", s("p1"), s("web"), NULL, deployment());
    cluster.client().pods().inNamespace("p1").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
        .withNewMetadata().withName("lonely").endMetadata().build()).create();
    var delete = preview(plan, "deletePod", s("p1"), s("lonely"));
    try (var inDir = TestCallContext.plan().kubernetes(cluster.url()).runbookDirectory(dir)) {
      assertEquals("create", preview(inDir, "applyFiles", s("sa.yaml"), s("p1")).operation());
    }
    assertEquals("renew", preview(plan, "renewCertificate", s("p1"), s("site")).operation());
    assertTrue(delete.description().contains("no controller"), delete.description());
    var requests = cluster.requests();
    assertTrue(requests.getOrDefault("GET", 0) > 0);
    assertEquals(Map.of("GET", requests.get("GET")), requests, "a plan only reads: " + requests);
    assertEquals("shop/web:1.1", cluster.client().apps().deployments().inNamespace("p1").withName("web").get()
        .getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
  }

  @Test
  void forbiddenConflictAndUnreachableAreClearErrors() {
    cluster.failNext("POST", "/api/v1/namespaces/f1/configmaps", 403, "Forbidden",
        "configmaps is forbidden: User \"system:serviceaccount:ci:aegis\" cannot create resource \"configmaps\" in the namespace \"f1\"");
    var forbidden = assertThrows(AdapterException.class, () -> call(ctx, "apply",
        s("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"), s("f1")));
    assertTrue(forbidden.getMessage().startsWith("create ConfigMap f1/x: forbidden (403): configmaps is forbidden"), forbidden.getMessage());
    assertTrue(forbidden.getMessage().contains("RBAC"));

    call(ctx, "apply", s(deploymentYaml("f1", "web", "shop/web:1.0", 1)), s("f1"));
    cluster.failNext("PUT", "/apis/apps/v1/namespaces/f1/deployments/web", 409, "Conflict",
        "Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again");
    var conflict = assertThrows(AdapterException.class, () -> call(ctx, "scale", s("f1"), s("web"), i(2), deployment()));
    assertTrue(conflict.getMessage().contains("conflict (409)"), conflict.getMessage());
    assertTrue(conflict.getMessage().contains("re-run the step"));

    try (var nowhere = TestCallContext.apply().kubernetes("http://127.0.0.1:" + freePort())) {
      long start = System.nanoTime();
      var down = assertThrows(AdapterException.class, () -> call(nowhere, "pods", s("f1"), map()));
      assertTrue(down.getMessage().contains("cannot reach the Kubernetes API at http://127.0.0.1:"), down.getMessage());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "fails fast instead of retrying for a minute");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theDeploysManifestsApplyAndReplanAsNoChange() throws Exception {
    var applies = DeployManifests.render("1.0.0", 2);
    for (var a : applies) call(ctx, "apply", s(a.yaml()), a.namespace() == null ? NULL : s(a.namespace()));
    assertNotNull(cluster.client().rbac().clusterRoleBindings().withName("vault-token-review-" + DeployManifests.NAMESPACE).get(),
        "cluster-scoped: applied without a namespace");
    assertNotNull(cluster.client().storage().v1().storageClasses().withName("fast-ssd").get());
    assertNotNull(cluster.client().genericKubernetesResources(Kinds.CERTIFICATE).inNamespace(DeployManifests.NAMESPACE)
        .withName("aegisshield-tls").get());
    cluster.resetRequests();
    for (var a : applies) {
      var p = preview(plan, "apply", s(a.yaml()), a.namespace() == null ? NULL : s(a.namespace()));
      assertEquals("noop", p.operation(), a.name() + ": " + p.description());
    }
    assertEquals(Map.of("GET", cluster.requests().get("GET")), cluster.requests());
  }

  @Test
  void podsAreListedPageByPage() {
    var pods = cluster.client().pods().inNamespace("g1");
    for (int n = 0; n < 1001; n++) {
      pods.resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName("p-" + n).addToLabels("app", "load")
          .endMetadata().build()).create();
    }
    cluster.resetRequests();
    assertEquals(1001, items(call(ctx, "pods", s("g1"), map("app", "load"))).size());
    assertEquals(Map.of("GET", 3), cluster.requests(), "pages of 500: 500, 500, 1");
  }

  @Test
  void aPlannedRolloutOfAWorkloadNotYetCreatedIsKnownAfterApply() {
    var status = call(plan, "awaitRollout", s("u1"), s("new"), deployment(), d(Duration.ofMinutes(10)));
    assertTrue(status instanceof Value.Unknown, status.show());
    var missing = assertThrows(AdapterException.class, () -> call(ctx, "rolloutStatus", s("u1"), s("new"), deployment()));
    assertEquals("Deployment u1/new does not exist", missing.getMessage());
  }

  static String resource(String name) throws Exception {
    try (var in = K8sApplyTest.class.getResourceAsStream("/k8s/tls/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int freePort() throws Exception {
    try (var s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
