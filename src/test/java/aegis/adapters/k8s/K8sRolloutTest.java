package aegis.adapters.k8s;

import static aegis.adapters.k8s.Calls.*;
import static org.junit.jupiter.api.Assertions.*;

import aegis.adapters.AdapterException;
import aegis.eval.Value;
import aegis.sandbox.k8s.Outcome;
import aegis.testing.k8s.MockCluster;
import aegis.testing.TestCallContext;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rollouts, restarts, scaling, images, history and rollback against the mock API with the test controller. */
class K8sRolloutTest {
  static MockCluster cluster;
  TestCallContext ctx;

  @BeforeAll
  static void start() {
    cluster = MockCluster.start(Outcome.byImageTag(), Duration.ofMillis(150), Duration.ofMillis(1500));
  }

  @AfterAll
  static void stop() { cluster.close(); }

  @BeforeEach
  void context() { ctx = TestCallContext.apply().kubernetes(cluster.url()); }

  @AfterEach
  void close() throws Exception { ctx.close(); }

  private Value await(String ns, String name, Value kind, Duration timeout) {
    return call(ctx, "awaitRollout", s(ns), s(name), kind, d(timeout));
  }

  private void deploy(String ns, String name, String image) {
    call(ctx, "apply", s(deploymentYaml(ns, name, image, 2)), s(ns));
  }

  @Test
  void aRolloutCompletesWithRevisionAndReadyPods() {
    deploy("r1", "web", "shop/web:1.0");
    var status = await("r1", "web", deployment(), Duration.ofSeconds(10));
    assertEquals(Value.Bool.TRUE, field(status, "complete"), status.show());
    assertEquals(Value.Bool.FALSE, field(status, "failed"));
    assertEquals(new Value.Int(1), field(status, "revision"));
    assertEquals(new Value.Int(2), field(status, "available"));
    var pods = items(call(ctx, "pods", s("r1"), map("app", "web")));
    assertEquals(2, pods.size());
    for (var p : pods) {
      assertEquals(Value.Bool.TRUE, field(p, "ready"));
      assertEquals(new Value.EnumV("k8s.PodPhase", "Running"), field(p, "phase"));
      assertEquals(Calls.NULL, field(p, "reason"));
    }
  }

  @Test
  void imagePullErrorsFailTheRolloutWithTheReason() {
    deploy("r2", "api", "shop/api:1.0");
    await("r2", "api", deployment(), Duration.ofSeconds(10));
    call(ctx, "setImage", s("r2"), s("api"), s("shop/api:imagepullbackoff"), NULL, deployment());
    var status = await("r2", "api", deployment(), Duration.ofSeconds(10));
    assertEquals(Value.Bool.TRUE, field(status, "failed"), status.show());
    assertEquals("ImagePullBackOff", text(status, "reason"));
    assertTrue(text(status, "message").contains("Back-off pulling image \"shop/api:imagepullbackoff\""), text(status, "message"));
    assertFalse(items(field(status, "failingPods")).isEmpty());
  }

  @Test
  void crashLoopsFailTheRolloutWithTheReason() {
    deploy("r3", "worker", "shop/worker:crashloop");
    var status = await("r3", "worker", deployment(), Duration.ofSeconds(10));
    assertEquals(Value.Bool.TRUE, field(status, "failed"), status.show());
    assertEquals("CrashLoopBackOff", text(status, "reason"));
    var pod = items(field(status, "failingPods")).getFirst();
    assertEquals(new Value.Int(3), field(pod, "restarts"));
    assertEquals("Error", text(items(field(pod, "containers")).getFirst(), "lastTerminationReason"));
  }

  @Test
  void unschedulablePodsFailTheRolloutAsFailedScheduling() {
    deploy("r4", "big", "shop/big:unschedulable");
    var status = await("r4", "big", deployment(), Duration.ofSeconds(10));
    assertEquals("FailedScheduling", text(status, "reason"), status.show());
    assertTrue(text(status, "message").contains("Insufficient cpu"));
  }

  @Test
  void aStalledRolloutFailsWithProgressDeadlineExceeded() {
    deploy("r5", "slow", "shop/slow:stall");
    var status = await("r5", "slow", deployment(), Duration.ofSeconds(20));
    assertEquals(Value.Bool.TRUE, field(status, "failed"), status.show());
    assertEquals("ProgressDeadlineExceeded", text(status, "reason"));
    assertTrue(text(status, "message").contains("has timed out progressing"), text(status, "message"));
  }

  @Test
  void aWaitThatRunsOutReportsTimeoutWithoutFailing() {
    deploy("r6", "slow", "shop/slow:stall");
    var status = await("r6", "slow", deployment(), Duration.ofMillis(300));
    assertEquals(Value.Bool.FALSE, field(status, "complete"));
    assertEquals(Value.Bool.FALSE, field(status, "failed"));
    assertEquals("Timeout", text(status, "reason"));
    assertTrue(text(status, "message").contains("did not finish within"), text(status, "message"));
  }

  @Test
  void theStepDeadlineCutsTheWaitShort() throws Exception {
    deploy("r10", "slow", "shop/slow:stall");
    try (var bounded = TestCallContext.apply().kubernetes(cluster.url()).deadline(java.time.Instant.now().plusMillis(400))) {
      var status = call(bounded, "awaitRollout", s("r10"), s("slow"), deployment(), d(Duration.ofMinutes(10)));
      assertEquals("Timeout", text(status, "reason"), status.show());
      assertTrue(bounded.progressLines().getFirst().startsWith("slow: "), bounded.progressLines().toString());
    }
  }

  @Test
  void restartScaleAndSetImageChangeTheCluster() {
    deploy("r7", "web", "shop/web:1.0");
    await("r7", "web", deployment(), Duration.ofSeconds(10));
    call(ctx, "rolloutRestart", s("r7"), s("web"), deployment());
    var live = cluster.client().apps().deployments().inNamespace("r7").withName("web").get();
    assertNotNull(live.getSpec().getTemplate().getMetadata().getAnnotations().get("kubectl.kubernetes.io/restartedAt"));
    assertEquals(new Value.Int(2), field(await("r7", "web", deployment(), Duration.ofSeconds(10)), "revision"));

    call(ctx, "scale", s("r7"), s("web"), i(3), deployment());
    assertEquals(3, cluster.client().apps().deployments().inNamespace("r7").withName("web").get().getSpec().getReplicas());
    assertEquals(Value.Bool.TRUE, field(await("r7", "web", deployment(), Duration.ofSeconds(10)), "complete"));
    assertEquals(3, items(call(ctx, "pods", s("r7"), map("app", "web"))).size());

    call(ctx, "setImage", s("r7"), s("web"), s("shop/web:2.0"), NULL, deployment());
    live = cluster.client().apps().deployments().inNamespace("r7").withName("web").get();
    assertEquals("shop/web:2.0", live.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
    assertEquals("aegis setImage web=shop/web:2.0", live.getMetadata().getAnnotations().get("kubernetes.io/change-cause"));
    var ex = assertThrows(AdapterException.class, () -> call(ctx, "setImage", s("r7"), s("web"), s("x:1"), s("sidecar"), deployment()));
    assertTrue(ex.getMessage().contains("has no container `sidecar`; it has web"), ex.getMessage());
  }

  @Test
  void rollbackReturnsToThePreviousReplicaSetRevision() {
    deploy("r8", "api", "shop/api:1.0");
    await("r8", "api", deployment(), Duration.ofSeconds(10));
    call(ctx, "setImage", s("r8"), s("api"), s("shop/api:2.0"), NULL, deployment());
    await("r8", "api", deployment(), Duration.ofSeconds(10));
    var history = items(call(ctx, "releases", s("r8"), s("api"), deployment()));
    assertEquals(2, history.size());
    assertEquals(new Value.Int(2), field(history.getFirst(), "revision"));
    assertEquals(Value.Bool.TRUE, field(history.getFirst(), "current"));
    assertEquals("[shop/api:1.0]", field(history.get(1), "images").show());

    var plan = preview(TestCallContext.plan().kubernetes(cluster.url()), "rollback", s("r8"), s("api"), NULL, deployment());
    assertTrue(plan.description().contains("from revision 2 (shop/api:2.0) to revision 1 (shop/api:1.0)"), plan.description());

    call(ctx, "rollback", s("r8"), s("api"), NULL, deployment());
    var live = cluster.client().apps().deployments().inNamespace("r8").withName("api").get();
    assertEquals("shop/api:1.0", live.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
    assertNull(live.getSpec().getTemplate().getMetadata().getLabels().get("pod-template-hash"));
    var status = await("r8", "api", deployment(), Duration.ofSeconds(10));
    assertEquals(Value.Bool.TRUE, field(status, "complete"));
    assertEquals(new Value.Int(3), field(status, "revision"), "the old ReplicaSet takes the next revision, as after rollout undo");

    var ex = assertThrows(AdapterException.class, () -> call(ctx, "rollback", s("r8"), s("api"), i(9), deployment()));
    assertTrue(ex.getMessage().contains("revision 9 is not in the history of Deployment r8/api; it has 3, 2"), ex.getMessage());
  }

  @Test
  void statefulSetsRollOutAndRollBackThroughControllerRevisions() {
    call(ctx, "apply", s(statefulSetYaml("r9", "db", "postgres:16.3")), s("r9"));
    var sts = kind("StatefulSet");
    assertEquals(Value.Bool.TRUE, field(await("r9", "db", sts, Duration.ofSeconds(10)), "complete"));
    call(ctx, "setImage", s("r9"), s("db"), s("postgres:16.4"), NULL, sts);
    var status = await("r9", "db", sts, Duration.ofSeconds(10));
    assertEquals(Value.Bool.TRUE, field(status, "complete"), status.show());
    assertEquals(new Value.Int(2), field(status, "revision"));
    call(ctx, "rollback", s("r9"), s("db"), NULL, sts);
    var live = cluster.client().apps().statefulSets().inNamespace("r9").withName("db").get();
    assertEquals("postgres:16.3", live.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
    var w = call(ctx, "workload", s("r9"), s("db"), sts);
    assertEquals(new Value.EnumV("WorkloadKind", "StatefulSet"), field(w, "kind"));
  }
}
