package aegis.adapters.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Pods#info} over pods as the API server sends them: typed pods written as JSON and read
 * back as the generic resources the adapter lists, so every field is where the API puts it.
 */
class PodsTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private static PodInfo info(Pod pod) {
    return Pods.info(JSON.unmarshal(JSON.asJson(pod), GenericKubernetesResource.class));
  }

  private static PodBuilder pod(String phase) {
    return new PodBuilder().withNewMetadata().withName("web-1").withNamespace("shop").addToLabels("app", "web")
        .withCreationTimestamp("2026-11-27T09:15:00Z").endMetadata()
        .withNewSpec().withNodeName("node-2").endSpec()
        .withNewStatus().withPhase(phase).endStatus();
  }

  private static ContainerStatusBuilder running(String name, boolean ready, int restarts) {
    return new ContainerStatusBuilder().withName(name).withImage("shop/" + name + ":1").withReady(ready)
        .withRestartCount(restarts).withNewState().withNewRunning().withStartedAt("2026-11-27T09:16:00Z").endRunning().endState();
  }

  @Test
  void aRunningPodWithEveryContainerReadyIsHealthy() {
    var p = info(pod("Running").editStatus().addToContainerStatuses(running("web", true, 2).build(), running("proxy", true, 1).build())
        .endStatus().build());
    assertEquals("web-1", p.name());
    assertEquals("shop", p.namespace());
    assertEquals("Running", p.phase());
    assertTrue(p.ready());
    assertEquals(3, p.restarts(), "restarts of every container");
    assertEquals("node-2", p.node());
    assertEquals(Instant.parse("2026-11-27T09:15:00Z"), p.created());
    assertEquals(Map.of("app", "web"), p.labels());
    assertTrue(p.healthy());
    assertNull(p.message());
    assertEquals(List.of("web", "proxy"), p.containers().stream().map(PodInfo.ContainerInfo::name).toList());
    var web = p.containers().getFirst();
    assertEquals("shop/web:1", web.image());
    assertEquals("running", web.state());
    assertEquals(2, web.restarts());
  }

  @Test
  void aFinishedJobPodIsHealthyAndAPodWithoutContainersIsNotReady() {
    assertTrue(info(pod("Succeeded").build()).healthy());
    var pending = info(pod("Pending").build());
    assertFalse(pending.ready());
    assertEquals("Pending", pending.reason());
    assertTrue(pending.containers().isEmpty());
  }

  @Test
  void thePodsOwnReasonComesFirst() {
    var p = info(pod("Failed").editStatus().withReason("Evicted").withMessage("The node was low on resource: memory.")
        .addToContainerStatuses(new ContainerStatusBuilder().withName("web").withReady(false).withNewState().withNewTerminated()
            .withReason("Error").withExitCode(137).endTerminated().endState().build())
        .endStatus().build());
    assertEquals("Evicted", p.reason());
    assertEquals("The node was low on resource: memory.", p.message());
  }

  @Test
  void aWaitingContainerSaysWhyWithItsMessageOrItsState() {
    var crashing = info(pod("Running").editStatus().addToContainerStatuses(new ContainerStatusBuilder().withName("web")
            .withImage("shop/web:2").withReady(false).withRestartCount(7)
            .withNewState().withNewWaiting().withReason("CrashLoopBackOff").withMessage("back-off 5m0s restarting failed container").endWaiting().endState()
            .withNewLastState().withNewTerminated().withReason("Error").withExitCode(1).endTerminated().endLastState().build())
        .endStatus().build());
    assertEquals("CrashLoopBackOff", crashing.reason());
    assertEquals("container web: back-off 5m0s restarting failed container", crashing.message());
    assertEquals(7, crashing.restarts());
    var web = crashing.containers().getFirst();
    assertEquals("waiting", web.state());
    assertEquals("Error", web.lastTerminationReason());

    var pulling = info(pod("Pending").editStatus().addToContainerStatuses(new ContainerStatusBuilder().withName("web").withReady(false)
        .withNewState().withNewWaiting().withReason("ImagePullBackOff").endWaiting().endState().build()).endStatus().build());
    assertEquals("container web is waiting (ImagePullBackOff)", pulling.message());
  }

  @Test
  void initContainersComeBeforeContainersAndCompletedOnesAreFine() {
    var p = info(pod("Pending").editStatus()
        .addToInitContainerStatuses(new ContainerStatusBuilder().withName("migrate").withReady(false).withNewState().withNewTerminated()
            .withReason("Completed").withExitCode(0).endTerminated().endState().build(),
            new ContainerStatusBuilder().withName("wait-db").withReady(false).withNewState().withNewTerminated()
            .withReason("Error").withMessage("database unreachable").withExitCode(1).endTerminated().endState().build())
        .addToContainerStatuses(new ContainerStatusBuilder().withName("web").withReady(false).withNewState().withNewWaiting()
            .withReason("PodInitializing").endWaiting().endState().build())
        .endStatus().build());
    assertEquals("Error", p.reason());
    assertEquals("init container wait-db: database unreachable", p.message());
    assertEquals(List.of("web"), p.containers().stream().map(PodInfo.ContainerInfo::name).toList(), "init containers are not listed");
  }

  @Test
  void conditionsExplainAPodThatCannotBeScheduledOrIsNotReady() {
    var unschedulable = info(pod("Pending").editStatus().addToConditions(new PodConditionBuilder().withType("PodScheduled")
        .withStatus("False").withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient cpu.").build())
        .endStatus().build());
    assertEquals("Unschedulable", unschedulable.reason());
    assertEquals("0/3 nodes are available: 3 Insufficient cpu.", unschedulable.message());

    var notReady = info(pod("Running").editStatus().addToContainerStatuses(running("web", false, 0).build())
        .addToConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("True").build(),
            new PodConditionBuilder().withType("Ready").withStatus("False").withReason("ContainersNotReady")
                .withMessage("containers with unready status: [web]").build())
        .endStatus().build());
    assertFalse(notReady.ready());
    assertEquals("ContainersNotReady", notReady.reason());
    assertEquals("containers with unready status: [web]", notReady.message());

    var silent = info(pod("Running").editStatus().addToContainerStatuses(running("web", false, 0).build()).endStatus().build());
    assertEquals("NotReady", silent.reason());
    assertNull(silent.message());
  }

  @Test
  void aPodWithoutStatusOrSpecIsUnknown() {
    var p = info(new PodBuilder().withNewMetadata().withName("bare").withNamespace("shop").endMetadata().build());
    assertEquals("Unknown", p.phase());
    assertEquals("Unknown", p.reason());
    assertNull(p.node());
    assertNull(p.created());
    assertEquals(Map.of(), p.labels());
  }
}
