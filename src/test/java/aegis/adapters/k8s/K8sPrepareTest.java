package aegis.adapters.k8s;

import static aegis.adapters.k8s.Calls.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.testing.TestCallContext;
import aegis.testing.k8s.MockCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/** Preparing the adapter ahead of a run contacts nothing, and the run's clients read as before. */
class K8sPrepareTest {
  @Test
  void prepareNeedsNoServerAndRunsSideBySideWithTheRunsFirstRead() throws Exception {
    var preparing = new FutureTask<Void>(() -> new K8sModule(null, Duration.ofSeconds(2)).prepare(), null);
    Thread.ofVirtual().start(preparing);
    try (var cluster = MockCluster.withoutController(); var ctx = TestCallContext.apply().kubernetes(cluster.url())) {
      cluster.client().pods().inNamespace("p1").resource(new PodBuilder().withNewMetadata().withName("web-0").endMetadata()
          .withNewSpec().addNewContainer().withName("web").withImage("web:1").endContainer().endSpec().build()).create();
      var pods = items(call(ctx, "pods", s("p1"), map()));
      assertEquals(1, pods.size());
      assertEquals("web-0", text(pods.getFirst(), "name"));
    }
    preparing.get();   // rethrows what the preparing thread threw
    new K8sModule(null, Duration.ofSeconds(2)).prepare();   // a second time, on this thread: nothing left to set up, nothing thrown
  }
}
