package aegis.sandbox.k8s;

import java.util.Locale;
import java.util.function.Function;

/** What happens to a pod that the {@link MockController} starts, decided by its first container's image. */
public enum Outcome {
  /** Becomes ready after the controller's start-up delay. */
  READY,
  /** Its image cannot be pulled: waiting in {@code ImagePullBackOff}. */
  IMAGE_PULL_BACKOFF,
  /** Starts and exits again and again: waiting in {@code CrashLoopBackOff}, restarts counting up. */
  CRASH_LOOP,
  /** No node has room: {@code PodScheduled=False}, reason {@code Unschedulable}. */
  UNSCHEDULABLE,
  /** Never gets past {@code ContainerCreating}, so the rollout runs into its progress deadline. */
  STALL;

  /**
   * The sandbox's rule: a tag naming an outcome ({@code :crashloop}, {@code :imagepullbackoff},
   * {@code :unschedulable}, {@code :stall}) gets it; every other image becomes ready.
   */
  public static Function<String, Outcome> byImageTag() {
    return image -> {
      String tag = image == null || !image.contains(":") ? "" : image.substring(image.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
      return switch (tag) {
        case "crashloop" -> CRASH_LOOP;
        case "imagepullbackoff" -> IMAGE_PULL_BACKOFF;
        case "unschedulable" -> UNSCHEDULABLE;
        case "stall" -> STALL;
        default -> READY;
      };
    };
  }
}
