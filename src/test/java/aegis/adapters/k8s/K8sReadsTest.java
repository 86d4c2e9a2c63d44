package aegis.adapters.k8s;

import static aegis.adapters.k8s.Calls.*;
import static org.junit.jupiter.api.Assertions.*;

import aegis.eval.Value;
import aegis.sandbox.k8s.Outcome;
import aegis.testing.k8s.MockCluster;
import aegis.testing.TestCallContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pods, events, logs, describe, claims, policies, certificates, ingresses and usage, with the controller running. */
class K8sReadsTest {
  static MockCluster cluster;
  TestCallContext ctx;

  @BeforeAll
  static void start() { cluster = MockCluster.start(Outcome.byImageTag(), Duration.ofMillis(100), Duration.ofSeconds(30)); }

  @AfterAll
  static void stop() { cluster.close(); }

  @BeforeEach
  void context() { ctx = TestCallContext.apply().kubernetes(cluster.url()); }

  @AfterEach
  void close() throws Exception { ctx.close(); }

  @Test
  void podsEventsAndDescribeExplainACrashLoop() {
    call(ctx, "apply", s(deploymentYaml("e1", "worker", "shop/worker:crashloop", 1)), s("e1"));
    call(ctx, "awaitRollout", s("e1"), s("worker"), deployment(), d(Duration.ofSeconds(10)));
    var pod = items(call(ctx, "pods", s("e1"), map())).getFirst();
    assertEquals("CrashLoopBackOff", text(pod, "reason"));
    assertEquals(new Value.Int(3), field(pod, "restarts"));
    String podName = text(pod, "name");
    var events = items(call(ctx, "events", s("e1"), s("Pod/" + podName), b(true), d(Duration.ofHours(1))));
    assertEquals("BackOff", text(events.getFirst(), "reason"));
    assertEquals("Pod/" + podName, text(events.getFirst(), "object"));
    assertTrue(items(call(ctx, "events", s("e1"), s("Pod/nothing"), b(false), d(Duration.ofHours(1)))).isEmpty());
    String described = ((Value.Str) call(ctx, "describe", s("e1"), s("pod"), s(podName))).value();
    assertTrue(described.lines().anyMatch(l -> l.startsWith("Name:") && l.endsWith(" " + podName)), described);
    assertTrue(described.contains("CrashLoopBackOff"), described);
    assertTrue(described.contains("Warning  BackOff"), described);
  }

  @Test
  void logsTailTheFirstContainer() {
    call(ctx, "apply", s(deploymentYaml("l1", "web", "shop/web:1.0", 1)), s("l1"));
    call(ctx, "awaitRollout", s("l1"), s("web"), deployment(), d(Duration.ofSeconds(10)));
    String pod = text(items(call(ctx, "pods", s("l1"), map())).getFirst(), "name");
    cluster.expectGet("/api/v1/namespaces/l1/pods/" + pod + "/log?pretty=false&container=web&tailLines=2", "started\nlistening on 8080\n");
    var lines = items(call(ctx, "logs", s("l1"), s(pod), i(2), NULL, b(false)));
    assertEquals(List.of(s("started"), s("listening on 8080")), lines);
  }

  @Test
  void claimsBindOrSayWhyNot() {
    cluster.client().storage().v1().storageClasses().resource(new io.fabric8.kubernetes.api.model.storage.StorageClassBuilder()
        .withNewMetadata().withName("fast-ssd").endMetadata().withProvisioner("example.com/ssd").build()).create();
    String claims = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec: {storageClassName: fast-ssd, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: lost}
        spec: {storageClassName: nowhere, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """;
    call(ctx, "apply", s(claims), s("v1"));
    waitFor(() -> items(call(ctx, "pvcs", s("v1"))).stream().anyMatch(p -> "Bound".equals(text(p, "phase")))
        && items(call(ctx, "pvcs", s("v1"))).stream().anyMatch(p -> text(p, "reason") != null));
    var byName = items(call(ctx, "pvcs", s("v1"))).stream().collect(java.util.stream.Collectors.toMap(p -> text(p, "name"), p -> p));
    assertEquals("10Gi", field(byName.get("data"), "capacity").show());
    assertEquals("Pending", text(byName.get("lost"), "phase"));
    assertTrue(text(byName.get("lost"), "reason").contains("storageclass.storage.k8s.io \"nowhere\" not found"));
  }

  @Test
  void networkPoliciesIngressesAndIssuedCertificates() {
    String yaml = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all}
        spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: site}
        spec: {secretName: site-tls, dnsNames: [a.example], issuerRef: {kind: ClusterIssuer, name: letsencrypt}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: site}
        spec:
          ingressClassName: nginx
          tls: [{hosts: [a.example], secretName: site-tls}]
          rules: [{host: a.example}]
        """;
    call(ctx, "apply", s(yaml), s("n1"));
    var policy = items(call(ctx, "networkPolicies", s("n1"))).getFirst();
    assertEquals("[Ingress, Egress]", field(policy, "policyTypes").show());
    assertEquals(new Value.Int(0), field(policy, "ingressRules"));
    waitFor(() -> field(call(ctx, "certificate", s("n1"), s("site")), "ready") == Value.Bool.TRUE
        && !items(field(call(ctx, "ingress", s("n1"), s("site")), "addresses")).isEmpty());
    var cert = items(call(ctx, "certificates", s("n1"))).getFirst();
    assertEquals("letsencrypt", text(cert, "issuer"));
    assertTrue(((Value.Dur) field(cert, "expiresIn")).value().toDays() >= 89);
    var ingress = call(ctx, "ingress", s("n1"), s("site"));
    assertEquals("[127.0.0.1]", field(ingress, "addresses").show());
    assertEquals("[site-tls]", field(ingress, "tlsSecrets").show());

    String before = text(cert, "notAfter");
    call(ctx, "renewCertificate", s("n1"), s("site"));
    waitFor(() -> Json.tree(cluster.client().genericKubernetesResources(Kinds.CERTIFICATE).inNamespace("n1").withName("site").get())
        .path("status").path("revision").asInt() == 2);
    assertNotNull(before);
  }

  @Test
  void topReadsTheMetricsApiAndSaysWhenItIsMissing() {
    call(ctx, "apply", s(deploymentYaml("m1", "web", "shop/web:1.0", 1)
        .replace("ports:", "resources: {limits: {cpu: 500m, memory: 256Mi}}\n          ports:")), s("m1"));
    call(ctx, "awaitRollout", s("m1"), s("web"), deployment(), d(Duration.ofSeconds(10)));
    String pod = text(items(call(ctx, "pods", s("m1"), map())).getFirst(), "name");
    var podMetrics = new ResourceDefinitionContext.Builder().withGroup("metrics.k8s.io").withVersion("v1beta1").withKind("PodMetrics")
        .withPlural("pods").withNamespaced(true).build();
    cluster.client().genericKubernetesResources(podMetrics).inNamespace("m1").resource(new GenericKubernetesResourceBuilder()
        .withApiVersion("metrics.k8s.io/v1beta1").withKind("PodMetrics").withNewMetadata().withName(pod).withNamespace("m1")
        .withLabels(Map.of("app", "web")).endMetadata()
        .addToAdditionalProperties("containers", List.of(Map.of("name", "web", "usage", Map.of("cpu", "250m", "memory", "128Mi"))))
        .build()).create();
    var usage = items(call(ctx, "topPods", s("m1"), map())).getFirst();
    assertEquals("250m", field(usage, "cpu").show());
    assertEquals("128Mi", field(usage, "memory").show());
    assertEquals("500m", field(usage, "cpuLimit").show());

    cluster.failNext("GET", "/apis/metrics.k8s.io/v1beta1/nodes", 404, "NotFound", "the server could not find the requested resource");
    assertTrue(items(call(ctx, "topNodes")).isEmpty());
    assertTrue(ctx.progressLines().stream().anyMatch(l -> l.startsWith("metrics-server is not installed")), ctx.progressLines().toString());
  }

  @Test
  void workloadsListDeploymentsAndStatefulSets() {
    call(ctx, "apply", s(deploymentYaml("w1", "web", "shop/web:1.0", 1) + "---\n" + statefulSetYaml("w1", "db", "postgres:16.4")), s("w1"));
    call(ctx, "awaitRollout", s("w1"), s("web"), deployment(), d(Duration.ofSeconds(10)));
    var all = items(call(ctx, "workloads", s("w1")));
    assertEquals(List.of("web", "db"), all.stream().map(w -> text(w, "name")).toList());
    assertEquals("[shop/web:1.0]", field(all.getFirst(), "images").show());
    assertEquals(NULL, call(ctx, "workload", s("w1"), s("nope"), deployment()));
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) fail("the controller did not get there in 10 s");
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
