package aegis.adapters.k8s;

import static aegis.adapters.k8s.Calls.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.testing.k8s.MockCluster;
import aegis.testing.k8s.TestContext;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Run on purpose: {@code ./mvnw -o test -Dtest=K8sBenchmarkTest -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the warm plan time of the full deploy (the sandbox's 9 components rendered from the real
 * templates) and the time and heap of listing 5 000 pods page by page.
 */
@Tag("benchmark")
class K8sBenchmarkTest {
  record Component(String name, String image, String tier, int port, String template) {}

  static final List<Component> COMPONENTS = List.of(
      new Component("vault", "hashicorp/vault", "Security", 8200, "vault.yaml.j2"),
      new Component("postgresql", "postgres", "Database", 5432, "postgresql.yaml.j2"),
      new Component("neo4j", "neo4j", "Database", 7687, "neo4j.yaml.j2"),
      new Component("data-ingestion", "aegisshield/data-ingestion", "Backend", 8080, "service.yaml.j2"),
      new Component("entity-resolution", "aegisshield/entity-resolution", "Backend", 8080, "service.yaml.j2"),
      new Component("graph-engine", "aegisshield/graph-engine", "Backend", 8080, "service.yaml.j2"),
      new Component("alert-engine", "aegisshield/alert-engine", "Backend", 8080, "service.yaml.j2"),
      new Component("api-gateway", "aegisshield/api-gateway", "Backend", 8080, "service.yaml.j2"),
      new Component("frontend", "aegisshield/frontend", "Frontend", 8080, "service.yaml.j2"));

  @Test
  void planOfTheFullDeployAndListingOfManyPods() throws Exception {
    try (var cluster = MockCluster.withoutController(); var apply = TestContext.apply(cluster.url());
         var plan = TestContext.plan(cluster.url())) {
      var manifests = render("1.0.0", 3);
      for (String m : manifests) call(apply, "apply", s(m), s("aegis-bench"));
      var changed = render("1.1.0", 3);
      long[] times = new long[20];
      for (int round = 0; round < times.length; round++) {
        long start = System.nanoTime();
        int updates = 0;
        for (String m : changed) if (preview(plan, "apply", s(m), s("aegis-bench")).operation().equals("update")) updates++;
        times[round] = System.nanoTime() - start;
        assertEquals(9, updates);
      }
      Arrays.sort(times);
      System.out.printf("k8s plan of the 9-component deploy (%d applies): median %.1f ms, max %.1f ms (warm, %d rounds)%n",
          changed.size(), times[times.length / 2] / 1e6, times[times.length - 1] / 1e6, times.length);

      var pods = cluster.client().pods().inNamespace("many");
      for (int n = 0; n < 5000; n++) {
        pods.resource(new PodBuilder().withNewMetadata().withName("p-" + n).addToLabels("app", "load").endMetadata()
            .withNewSpec().addNewContainer().withName("c").withImage("busybox:1").endContainer().withNodeName("node-" + n % 7).endSpec()
            .build()).create();
      }
      var memory = ManagementFactory.getMemoryMXBean();
      long[] list = new long[5];
      for (int round = 0; round < list.length; round++) {
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        int count = items(call(apply, "pods", s("many"), map("app", "load"))).size();
        list[round] = System.nanoTime() - start;
        assertEquals(5000, count);
        if (round == list.length - 1) {
          System.out.printf("k8s pods over 5 000 pods (pages of %d): heap after listing +%d MiB%n", Pods.PAGE,
              (memory.getHeapMemoryUsage().getUsed() - before) >> 20);
        }
      }
      Arrays.sort(list);
      System.out.printf("k8s pods over 5 000 pods: median %.0f ms, max %.0f ms%n", list[list.length / 2] / 1e6, list[list.length - 1] / 1e6);
    }
  }

  /** The deploy's manifests for every component, rendered from the runbook templates with the sandbox's values. */
  static List<String> render(String version, int replicas) throws Exception {
    var jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());
    var env = new HashMap<String, Object>(Map.of("name", "bench", "namespace", "aegis-bench", "storageClass", "fast-ssd",
        "postgres", Map.of("host", "postgresql.aegis-bench.svc.cluster.local", "database", "aegisshield"),
        "neo4j", Map.of("uri", "bolt://neo4j:7687"), "vault", Map.of("address", "http://vault:8200")));
    var out = new ArrayList<String>();
    for (var c : COMPONENTS) {
      var service = new HashMap<String, Object>(Map.of("name", c.name(), "image", c.image(), "version", version, "tier", c.tier(),
          "port", c.port(), "replicas", replicas, "healthPath", "/health",
          "resources", Map.of("cpu", "100m", "memory", "256Mi", "storage", "1Gi")));
      String template = Files.readString(Path.of("runbooks/templates", c.template()));
      out.add(jinjava.render(template, Map.of("env", env, "service", service, "values", Map.of())));
    }
    return out;
  }
}
