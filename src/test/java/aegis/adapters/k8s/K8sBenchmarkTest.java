package aegis.adapters.k8s;

import static aegis.adapters.k8s.Calls.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.testing.k8s.MockCluster;
import aegis.testing.TestCallContext;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Run on purpose: {@code ./mvnw -o test -Dtest=K8sBenchmarkTest -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the warm plan time of the full deploy (the sandbox's 9 components rendered from the real
 * templates) and the time and heap of listing 5 000 pods page by page.
 */
@Tag("benchmark")
class K8sBenchmarkTest {
  private static aegis.eval.Value ns(DeployManifests.Apply a) { return a.namespace() == null ? NULL : s(a.namespace()); }

  @Test
  void planOfTheFullDeployAndListingOfManyPods() throws Exception {
    try (var cluster = MockCluster.withoutController(); var apply = TestCallContext.apply().kubernetes(cluster.url());
         var plan = TestCallContext.plan().kubernetes(cluster.url())) {
      for (var a : DeployManifests.render("1.0.0", 3)) call(apply, "apply", s(a.yaml()), ns(a));
      var changed = DeployManifests.render("1.1.0", 3);
      for (int warmUp = 0; warmUp < 5; warmUp++) for (var a : changed) preview(plan, "apply", s(a.yaml()), ns(a));
      long[] times = new long[20];
      for (int round = 0; round < times.length; round++) {
        long start = System.nanoTime();
        int updates = 0;
        for (var a : changed) if (preview(plan, "apply", s(a.yaml()), ns(a)).operation().equals("update")) updates++;
        times[round] = System.nanoTime() - start;
        assertEquals(9, updates, "every component's image changes");
      }
      Arrays.sort(times);
      System.out.printf("k8s plan of the full deploy, 9 components (%d applies): median %.1f ms, max %.1f ms (after 5 warm-up rounds, %d rounds)%n",
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
        var result = call(apply, "pods", s("many"), map("app", "load"));
        list[round] = System.nanoTime() - start;
        assertEquals(5000, items(result).size());
        if (round == list.length - 1) {
          System.gc();
          System.out.printf("k8s pods over 5 000 pods (pages of %d): the result holds %d KiB of heap%n", Pods.PAGE,
              (memory.getHeapMemoryUsage().getUsed() - before) >> 10);
        }
      }
      long unpaged = System.nanoTime();
      assertEquals(5000, pods.list().getItems().size());
      System.out.printf("k8s reference: one unpaged list of the 5 000 pods through fabric8 takes %.0f ms%n",
          (System.nanoTime() - unpaged) / 1e6);
      Arrays.sort(list);
      System.out.printf("k8s pods over 5 000 pods: median %.0f ms, max %.0f ms%n", list[list.length / 2] / 1e6, list[list.length - 1] / 1e6);
    }
  }

}
