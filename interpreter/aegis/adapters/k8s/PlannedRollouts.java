package aegis.adapters.k8s;

import aegis.adapters.CallContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workloads a plan is about to change (a new image, a restart, a scale, a rollback), kept for
 * the plan's run: {@code awaitRollout} of one of them is known only after apply, since the status
 * the cluster reports now is that of the rollout before the change (a patch's health check read
 * it and planned the patch's rollback as certain).
 */
final class PlannedRollouts {
  private final Set<String> workloads = ConcurrentHashMap.newKeySet();

  private PlannedRollouts() {}

  static PlannedRollouts of(CallContext ctx) { return ctx.resource("k8s.plannedRollouts", PlannedRollouts::new); }

  void add(String kind, String namespace, String name) { workloads.add(key(kind, namespace, name)); }

  boolean contains(String kind, String namespace, String name) { return workloads.contains(key(kind, namespace, name)); }

  private static String key(String kind, String namespace, String name) { return kind + " " + namespace + "/" + name; }
}
