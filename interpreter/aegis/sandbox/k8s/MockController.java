package aegis.sandbox.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The controllers a real cluster runs, for an API server that has none (fabric8's mock in CRUD
 * mode, in tests and in {@code aegis sandbox}), as far as aegis relies on them:
 * <ul>
 *   <li>Deployments: one ReplicaSet per pod template, with the {@code deployment.kubernetes.io/revision}
 *       annotation (an old template coming back takes the next revision, as after {@code rollout undo});
 *       older ReplicaSets scaled to 0; pods per ReplicaSet; status (observedGeneration, updated, ready,
 *       available replicas) and the {@code Progressing} condition, which turns to
 *       {@code ProgressDeadlineExceeded} when the new ReplicaSet is not available within the deadline;</li>
 *   <li>StatefulSets: a ControllerRevision per template, pods {@code NAME-0..n-1} labelled with
 *       {@code controller-revision-hash}, status with current and update revisions;</li>
 *   <li>pods whose status follows an {@link Outcome} (ready after a delay, image pull back-off, crash
 *       loop, unschedulable, stalled), with the Warning events a kubelet or scheduler would record;</li>
 *   <li>the add-ons in {@link AddOns}: Ingress addresses, cert-manager issuance, claim binding.</li>
 * </ul>
 * It reconciles everything every {@code tick} on one thread; a write that meets a conflict is
 * retried on the next tick, as controllers do.
 */
public final class MockController implements AutoCloseable {
  /** The user agent of the controller's requests, so tests can tell them from the adapter's. */
  public static final String USER_AGENT = "aegis-mock-controller";
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String HASH = "pod-template-hash";

  private final KubernetesClient client;
  private final PodSimulator pods;
  private final AddOns addOns;
  private final Duration progressDeadline;
  private final Map<String, Instant> progressSince = new ConcurrentHashMap<>();
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    var t = new Thread(r, "mock-k8s-controller");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param client           a client of the mock API server, used by the controller alone
   * @param outcomes         what becomes of a pod, by its first image
   * @param readyAfter       how long a pod takes to become ready
   * @param progressDeadline the Deployments' progress deadline; null to use each one's {@code progressDeadlineSeconds}
   */
  public MockController(KubernetesClient client, Function<String, Outcome> outcomes, Duration readyAfter, Duration progressDeadline) {
    this(client, outcomes, readyAfter, progressDeadline, null);
  }

  /** Like the other constructor; cert-manager also writes what {@code issuer} issues into each Certificate's TLS Secret. */
  public MockController(KubernetesClient client, Function<String, Outcome> outcomes, Duration readyAfter, Duration progressDeadline,
                        SandboxIssuer issuer) {
    this.client = client;
    this.pods = new PodSimulator(client, outcomes, readyAfter);
    this.addOns = new AddOns(client, pods, issuer);
    this.progressDeadline = progressDeadline;
  }

  /** Reconciles every {@code tick} until closed. */
  public MockController start(Duration tick) {
    loop.scheduleWithFixedDelay(this::reconcileQuietly, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** One pass over every workload and add-on object (tests may call it directly). */
  public synchronized void reconcile() {
    for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) deployment(d);
    for (StatefulSet s : client.apps().statefulSets().inAnyNamespace().list().getItems()) statefulSet(s);
    addOns.reconcile();
  }

  private void reconcileQuietly() {
    try {
      reconcile();
    } catch (KubernetesClientException e) {
      // A conflict with a concurrent writer, or the server going away in a test: next tick.
    } catch (RuntimeException e) {
      // Keep the loop alive whatever one object does.
    }
  }

  // ---------------------------------------------------------------- Deployments

  private void deployment(Deployment d) {
    String ns = d.getMetadata().getNamespace();
    String hash = hash(d.getSpec().getTemplate());
    var owned = new ArrayList<ReplicaSet>();
    for (ReplicaSet rs : client.apps().replicaSets().inNamespace(ns).list().getItems()) if (ownedBy(rs, d)) owned.add(rs);
    long maxRevision = owned.stream().mapToLong(MockController::revision).max().orElse(0);
    ReplicaSet current = owned.stream().filter(rs -> hash.equals(label(rs, HASH))).findFirst().orElse(null);
    int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    if (current == null) {
      current = client.apps().replicaSets().inNamespace(ns).resource(newReplicaSet(d, hash, maxRevision + 1, desired)).create();
      owned.add(current);
      progressSince.put(d.getMetadata().getUid() + "/" + hash, Instant.now());
    } else if (revision(current) < maxRevision) {
      // An older template is back (rollout undo): its ReplicaSet becomes the newest revision.
      current.getMetadata().getAnnotations().put(REVISION, Long.toString(maxRevision + 1));
      current = client.apps().replicaSets().inNamespace(ns).resource(current).update();
      progressSince.put(d.getMetadata().getUid() + "/" + hash, Instant.now());
    }
    int ready = 0;
    int total = 0;
    int updated = 0;
    for (ReplicaSet rs : owned) {
      boolean isNew = rs.getMetadata().getName().equals(current.getMetadata().getName());
      int want = isNew ? desired : 0;
      if (rs.getSpec().getReplicas() == null || rs.getSpec().getReplicas() != want) {
        rs.getSpec().setReplicas(want);
        rs = client.apps().replicaSets().inNamespace(ns).resource(rs).update();
      }
      var names = new ArrayList<String>();
      for (int i = 0; i < want; i++) names.add(rs.getMetadata().getName() + "-" + i);
      var running = pods.ensure(ns, names, rs.getSpec().getTemplate(), rs.getSpec().getTemplate().getMetadata().getLabels(),
          owner(rs), podsOf(ns, rs));
      int rsReady = (int) running.stream().filter(MockController::ready).count();
      ready += rsReady;
      total += running.size();
      if (isNew) updated = running.size();
      if (rs.getStatus() == null || rs.getStatus().getReadyReplicas() == null || rs.getStatus().getReadyReplicas() != rsReady
          || rs.getStatus().getReplicas() != running.size()) {
        rs.setStatus(new io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder().withReplicas(running.size())
            .withReadyReplicas(rsReady).withAvailableReplicas(rsReady).withObservedGeneration(rs.getMetadata().getGeneration()).build());
        client.apps().replicaSets().inNamespace(ns).resource(rs).updateStatus();
      }
    }
    deploymentStatus(d, current, desired, total, updated, ready);
  }

  private void deploymentStatus(Deployment d, ReplicaSet current, int desired, int total, int updated, int ready) {
    boolean complete = updated == desired && total == desired && ready == desired;
    String key = d.getMetadata().getUid() + "/" + label(current, HASH);
    Instant since = progressSince.computeIfAbsent(key, k -> Instant.now());
    Duration deadline = progressDeadline != null ? progressDeadline
        : Duration.ofSeconds(d.getSpec().getProgressDeadlineSeconds() == null ? 600 : d.getSpec().getProgressDeadlineSeconds());
    String rsName = current.getMetadata().getName();
    DeploymentCondition progressing;
    if (complete) {
      progressing = condition("Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"" + rsName + "\" has successfully progressed.");
    } else if (Instant.now().isAfter(since.plus(deadline))) {
      progressing = condition("Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet \"" + rsName + "\" has timed out progressing.");
    } else {
      progressing = condition("Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"" + rsName + "\" is progressing.");
    }
    var available = condition("Available", ready >= desired ? "True" : "False",
        ready >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        ready >= desired ? "Deployment has minimum availability." : "Deployment does not have minimum availability.");
    var status = new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
        .withObservedGeneration(d.getMetadata().getGeneration()).withReplicas(total).withUpdatedReplicas(updated)
        .withReadyReplicas(ready).withAvailableReplicas(ready).withUnavailableReplicas(Math.max(0, desired - ready))
        .withConditions(available, progressing).build();
    String revision = current.getMetadata().getAnnotations().get(REVISION);
    boolean annotate = !revision.equals(annotations(d).get(REVISION));
    if (annotate) {
      annotations(d).put(REVISION, revision);
      d = client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).update();
    }
    if (annotate || !sameStatus(d.getStatus(), status)) {
      d.setStatus(status);
      client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).updateStatus();
    }
  }

  private static boolean sameStatus(io.fabric8.kubernetes.api.model.apps.DeploymentStatus a,
                                    io.fabric8.kubernetes.api.model.apps.DeploymentStatus b) {
    if (a == null) return false;
    return java.util.Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && java.util.Objects.equals(a.getReplicas(), b.getReplicas())
        && java.util.Objects.equals(a.getUpdatedReplicas(), b.getUpdatedReplicas())
        && java.util.Objects.equals(a.getReadyReplicas(), b.getReadyReplicas())
        && a.getConditions().stream().map(c -> c.getType() + c.getReason()).toList()
            .equals(b.getConditions().stream().map(c -> c.getType() + c.getReason()).toList());
  }

  private ReplicaSet newReplicaSet(Deployment d, String hash, long revision, int replicas) {
    var template = SERIALIZATION.clone(d.getSpec().getTemplate());
    var labels = new HashMap<>(template.getMetadata().getLabels() == null ? Map.<String, String>of() : template.getMetadata().getLabels());
    labels.put(HASH, hash);
    template.getMetadata().setLabels(labels);
    var annotations = new HashMap<String, String>();
    annotations.put(REVISION, Long.toString(revision));
    String cause = annotations(d).get("kubernetes.io/change-cause");
    if (cause != null) annotations.put("kubernetes.io/change-cause", cause);
    var selector = new HashMap<>(d.getSpec().getSelector().getMatchLabels());
    selector.put(HASH, hash);
    return new ReplicaSetBuilder()
        .withNewMetadata().withName(d.getMetadata().getName() + "-" + hash).withNamespace(d.getMetadata().getNamespace())
        .withLabels(labels).withAnnotations(annotations).withOwnerReferences(owner(d)).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(selector).endSelector().withTemplate(template).endSpec()
        .build();
  }

  // ---------------------------------------------------------------- StatefulSets

  private void statefulSet(StatefulSet s) {
    String ns = s.getMetadata().getNamespace();
    String name = s.getMetadata().getName();
    String revisionName = name + "-" + hash(s.getSpec().getTemplate());
    var owned = new ArrayList<ControllerRevision>();
    for (ControllerRevision cr : client.apps().controllerRevisions().inNamespace(ns).list().getItems()) if (ownedBy(cr, s)) owned.add(cr);
    long max = owned.stream().mapToLong(cr -> cr.getRevision() == null ? 0 : cr.getRevision()).max().orElse(0);
    ControllerRevision current = owned.stream().filter(cr -> cr.getMetadata().getName().equals(revisionName)).findFirst().orElse(null);
    if (current == null) {
      var data = Map.of("spec", Map.of("template", templateWithReplace(s.getSpec().getTemplate())));
      client.apps().controllerRevisions().inNamespace(ns).resource(new ControllerRevisionBuilder()
          .withNewMetadata().withName(revisionName).withNamespace(ns).withOwnerReferences(owner(s)).endMetadata()
          .withRevision(max + 1).withData(data).build()).create();
    } else if (current.getRevision() < max) {
      current.setRevision(max + 1);
      client.apps().controllerRevisions().inNamespace(ns).resource(current).update();
    }
    int desired = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    var names = new ArrayList<String>();
    for (int i = 0; i < desired; i++) names.add(name + "-" + i);
    var existing = new ArrayList<Pod>();
    for (Pod p : podsOf(ns, s)) {
      // A pod of an older revision is replaced, as a rolling update does.
      if (revisionName.equals(label(p, "controller-revision-hash"))) existing.add(p);
      else client.pods().inNamespace(ns).withName(p.getMetadata().getName()).delete();
    }
    var labels = new HashMap<>(s.getSpec().getTemplate().getMetadata().getLabels());
    labels.put("controller-revision-hash", revisionName);
    labels.put("statefulset.kubernetes.io/pod-name", "");
    var running = new ArrayList<Pod>();
    for (String podName : names) {
      labels.put("statefulset.kubernetes.io/pod-name", podName);
      running.addAll(pods.ensure(ns, List.of(podName), s.getSpec().getTemplate(), new HashMap<>(labels), owner(s),
          existing.stream().filter(p -> p.getMetadata().getName().equals(podName)).toList()));
    }
    int ready = (int) running.stream().filter(MockController::ready).count();
    String currentRevision = ready == desired ? revisionName
        : s.getStatus() == null || s.getStatus().getCurrentRevision() == null ? revisionName : s.getStatus().getCurrentRevision();
    var status = new io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder()
        .withObservedGeneration(s.getMetadata().getGeneration()).withReplicas(running.size()).withReadyReplicas(ready)
        .withAvailableReplicas(ready).withCurrentReplicas(ready == desired ? desired : 0).withUpdatedReplicas(running.size())
        .withCurrentRevision(currentRevision).withUpdateRevision(revisionName).build();
    if (!status.equals(s.getStatus())) {
      s.setStatus(status);
      client.apps().statefulSets().inNamespace(ns).resource(s).updateStatus();
    }
  }

  private static Map<String, Object> templateWithReplace(PodTemplateSpec template) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = SERIALIZATION.convertValue(template, Map.class);
    var out = new HashMap<>(map);
    out.put("$patch", "replace");
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** A short, stable hash of a pod template (without the hash label itself). */
  static String hash(PodTemplateSpec template) {
    var copy = SERIALIZATION.clone(template);
    if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) copy.getMetadata().getLabels().remove(HASH);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(SERIALIZATION.asJson(copy).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Pod> podsOf(String ns, HasMetadata owner) {
    return client.pods().inNamespace(ns).list().getItems().stream().filter(p -> ownedBy(p, owner)).toList();
  }

  private static boolean ownedBy(HasMetadata child, HasMetadata owner) {
    var refs = child.getMetadata().getOwnerReferences();
    return refs != null && refs.stream().anyMatch(r -> owner.getMetadata().getUid().equals(r.getUid()));
  }

  private static OwnerReference owner(HasMetadata o) {
    return new OwnerReferenceBuilder().withApiVersion(o.getApiVersion()).withKind(o.getKind()).withName(o.getMetadata().getName())
        .withUid(o.getMetadata().getUid()).withController(true).build();
  }

  private static boolean ready(Pod p) {
    return p.getStatus() != null && p.getStatus().getContainerStatuses().stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()))
        && !p.getStatus().getContainerStatuses().isEmpty();
  }

  private static long revision(ReplicaSet rs) {
    var a = rs.getMetadata().getAnnotations();
    return a == null || a.get(REVISION) == null ? 0 : Long.parseLong(a.get(REVISION));
  }

  private static String label(HasMetadata o, String key) {
    var labels = o.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  private static Map<String, String> annotations(HasMetadata o) {
    if (o.getMetadata().getAnnotations() == null) o.getMetadata().setAnnotations(new HashMap<>());
    return o.getMetadata().getAnnotations();
  }

  private static DeploymentCondition condition(String type, String status, String reason, String message) {
    String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastUpdateTime(now).withLastTransitionTime(now).build();
  }

  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
