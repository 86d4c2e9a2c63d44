package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against a seeded sandbox cluster (on a free port, with its own kubeconfig):
 * what the README promises works. Skipped where no kubectl is on the PATH.
 */
class KubectlTest {
  @TempDir
  static Path dir;

  private static SandboxLayout layout;
  private static SandboxCluster cluster;
  private static KubernetesClient client;
  private static Path kubeconfig;
  private static String kubectl;

  @BeforeAll
  static void start() throws Exception {
    kubectl = onPath("kubectl").orElse(null);
    assumeTrue(kubectl != null, "no kubectl on the PATH");
    var sandbox = SandboxLayoutTest.sandbox();
    var c = sandbox.cluster();
    layout = new SandboxLayout(sandbox.namespace(), dir, sandbox.postgres(), sandbox.neo4j(), sandbox.vault(),
        new SandboxLayout.Cluster(0, c.monitoringNamespace(), c.ingressName(), c.tlsCertificate(), c.certIssuer()),
        sandbox.prometheusPort(), sandbox.alertmanagerPort(), sandbox.smtpPort(), sandbox.fixtures(), sandbox.tls(),
        sandbox.services(), sandbox.credentials());
    cluster = KubernetesSandbox.start(layout, true);
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, Kubeconfig.text(cluster.url(), layout.namespace()));
    client = new KubernetesClientBuilder().withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(Files.readString(kubeconfig)))
        .build();
  }

  @AfterAll
  static void stop() {
    if (client != null) client.close();
    if (cluster != null) cluster.close();
  }

  private static Optional<String> onPath(String program) {
    var path = System.getenv("PATH");
    if (path == null) return Optional.empty();
    return Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, program)).filter(Files::isExecutable)
        .map(Path::toString).findFirst();
  }

  private record Result(int exit, String out, String err) {
    @Override
    public String toString() { return "exit " + exit + "\n" + out + err; }
  }

  private static Result kubectl(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of(kubectl, "--kubeconfig", kubeconfig.toString(), "--cache-dir", dir.resolve("cache").toString()));
    command.addAll(List.of(args));
    var out = dir.resolve("out");
    var err = dir.resolve("err");
    var process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not end within 60 s");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> deployments() {
    return layout.services().stream().filter(s -> s.kind().equals("Deployment")).map(SandboxLayout.ServiceSpec::name).toList();
  }

  @Test
  void getAsYamlListsTheSeededWorkloadsAndWhatAClientCreated() throws Exception {
    var ns = layout.namespace();
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("aegis-jwt").endMetadata()
        .addToStringData("key", "x").build()).createOr(r -> r.update());
    client.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("frontend").endMetadata()
        .withNewSpec().addToSelector("app", "frontend").addNewPort().withPort(8080).endPort().endSpec().build()).createOr(r -> r.update());
    var r = kubectl("get", "deploy,svc,secrets", "-n", ns, "-o", "yaml");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("apiVersion: v1\nitems:"), r.out());
    for (var name : deployments()) assertTrue(r.out().contains("\n    name: " + name + "\n"), name + " in\n" + r.out());
    assertTrue(r.out().contains("kind: Deployment") && r.out().contains("kind: Service") && r.out().contains("kind: Secret"), r.out());
    assertTrue(r.out().contains("name: aegis-jwt"), r.out());
  }

  @Test
  void getPodsListsEveryPodOfTheSeededWorkloads() throws Exception {
    var r = kubectl("get", "pods");
    assertEquals(0, r.exit(), r.toString());
    for (var svc : layout.services()) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(svc.name() + "-")), svc.name() + " in\n" + r.out());
    }
    var names = kubectl("get", "pods", "-o", "name");
    int replicas = layout.services().stream().mapToInt(SandboxLayout.ServiceSpec::replicas).sum();
    assertEquals(replicas, names.out().lines().count(), names.toString());
  }

  @Test
  void resourcesAreFoundByShortNameAndCustomResourcesByTheirGroup() throws Exception {
    var r = kubectl("get", "sts,ing,certificates.cert-manager.io", "-o", "name");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("statefulset.apps/vault"), r.out());
    assertTrue(r.out().contains("ingress.networking.k8s.io/" + layout.cluster().ingressName()), r.out());
    assertTrue(r.out().contains("certificate.cert-manager.io/" + layout.cluster().tlsCertificate()), r.out());
    var nodes = kubectl("get", "nodes", "-o", "name");
    assertEquals(List.of("node/sandbox-node-1", "node/sandbox-node-2"), nodes.out().lines().toList(), nodes.toString());
  }

  @Test
  void describeShowsADeploymentWithItsReplicaSet() throws Exception {
    var name = deployments().getFirst();
    var r = kubectl("describe", "deploy", name);
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("Name:               " + name), r.out());
    assertTrue(r.out().contains("1 desired | 1 updated | 1 total | 1 available | 0 unavailable"), r.out());
    assertTrue(r.out().contains("NewReplicaSet:   " + name + "-"), r.out());
  }

  @Test
  void logsOfAPodAndOfADeployment() throws Exception {
    var name = deployments().getFirst();
    var r = kubectl("logs", "deploy/" + name);
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("INFO  starting " + name + "-"), r.out());
  }

  /**
   * A rollout stuck on a pod that never starts times out; started while still stuck, {@code rollout
   * status} follows the deployment through its HTTP watch until a good image has rolled out.
   */
  @Test
  void rolloutStatusWaitsForTheRolloutThroughItsWatch() throws Exception {
    var name = deployments().getLast();
    var done = kubectl("rollout", "status", "deploy/" + name);
    assertEquals(0, done.exit(), done.toString());
    assertTrue(done.out().contains("deployment \"" + name + "\" successfully rolled out"), done.toString());

    setImage(name, "aegisshield/" + name + ":stall");
    var stuck = kubectl("rollout", "status", "deploy/" + name, "--timeout=2s");
    assertNotEquals(0, stuck.exit(), stuck.toString());
    assertTrue(stuck.out().contains("0 of 1 updated replicas are available"), stuck.toString());

    var out = dir.resolve("rollout.out");
    var waiting = new ProcessBuilder(kubectl, "--kubeconfig", kubeconfig.toString(), "--cache-dir", dir.resolve("cache").toString(),
        "rollout", "status", "deploy/" + name, "--timeout=50s").redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      while (waiting.isAlive() && !Files.readString(out).contains("updated replicas are available")) Thread.sleep(50);
      setImage(name, "aegisshield/" + name + ":1.0.1");
      assertTrue(waiting.waitFor(55, TimeUnit.SECONDS), "rollout status did not end");
      var text = Files.readString(out);
      assertEquals(0, waiting.exitValue(), text);
      assertTrue(text.contains("Waiting for deployment \"" + name + "\" rollout to finish"), text);
      assertTrue(text.contains("deployment \"" + name + "\" successfully rolled out"), text);
    } finally {
      waiting.destroyForcibly();
    }
  }

  private static void setImage(String deployment, String image) {
    client.apps().deployments().inNamespace(layout.namespace()).withName(deployment).patch(PatchContext.of(PatchType.JSON),
        "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"}]");
  }
}
