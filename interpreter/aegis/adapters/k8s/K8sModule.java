package aegis.adapters.k8s;

import aegis.adapters.ActionPreview;
import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Extern;
import aegis.adapters.PlanFor;
import aegis.eval.Value;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java side of {@code stdlib/k8s.aegis}: each extern adapts its arguments to the typed classes
 * of this package and their results to values. Every call goes to the cluster of the run's
 * environment ({@code env.kubernetes}), through one client per run.
 */
public final class K8sModule implements BuiltinModule {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TokenSource tokens;
  private final Duration pollInterval;

  /** {@code tokens} resolves {@code env.kubernetes.token}; {@code pollInterval} paces {@code awaitRollout}. */
  public K8sModule(TokenSource tokens, Duration pollInterval) {
    this.tokens = tokens;
    this.pollInterval = pollInterval;
  }

  @Override
  public String name() { return "k8s"; }

  @Override
  public void prepare() { K8sClients.prepare(); }

  /** The run's cluster. */
  Kube kube(CallContext ctx) { return K8sClients.forRun(ctx, K8sEndpoint.ofEnvironment(ctx.environment()), tokens); }

  // ---------------------------------------------------------------- namespaces and manifests

  @Extern("ensureNamespace")
  public Value ensureNamespace(CallContext ctx, Args args) {
    var kube = kube(ctx);
    var plan = Namespaces.plan(kube, args.string(0), strings(args.map(1)));
    Namespaces.ensure(kube, plan);
    return Value.Null.INSTANCE;
  }

  @PlanFor("ensureNamespace")
  public ActionPreview planEnsureNamespace(CallContext ctx, Args args) {
    var plan = Namespaces.plan(kube(ctx), args.string(0), strings(args.map(1)));
    var live = ObjectView.of(Json.tree(plan.live()));
    var desired = plan.desired() == null ? live : ObjectView.of(Json.tree(plan.desired()));
    return new ActionPreview("k8s Namespace " + args.string(0), plan.operation(),
        switch (plan.operation()) {
          case "create" -> "create Namespace " + args.string(0);
          case "update" -> "label Namespace " + args.string(0);
          default -> "Namespace " + args.string(0) + " exists with these labels";
        }, live, desired);
  }

  @Extern("apply")
  public Value apply(CallContext ctx, Args args) {
    return applied(ctx, Manifests.parse(args.string(0), "manifests"), args.isNull(1) ? null : args.string(1));
  }

  @PlanFor("apply")
  public ActionPreview planApply(CallContext ctx, Args args) {
    return applyPreview(ctx, Manifests.parse(args.string(0), "manifests"), args.isNull(1) ? null : args.string(1), "manifests");
  }

  @Extern("applyFiles")
  public Value applyFiles(CallContext ctx, Args args) {
    return applied(ctx, ManifestFiles.read(ctx, args.string(0)), args.isNull(1) ? null : args.string(1));
  }

  @PlanFor("applyFiles")
  public ActionPreview planApplyFiles(CallContext ctx, Args args) {
    return applyPreview(ctx, ManifestFiles.read(ctx, args.string(0)), args.isNull(1) ? null : args.string(1),
        args.string(0));
  }

  private Value applied(CallContext ctx, List<ObjectNode> manifests, String namespace) {
    var kube = kube(ctx);
    var changes = Applier.changes(kube, manifests, namespace);
    Applier.write(kube, changes);
    long written = changes.stream().filter(c -> c.op() != Applier.Op.UNCHANGED).count();
    if (written > 0) {
      String home = releaseNamespace(changes, namespace);
      int release = ReleaseStore.record(kube, home, changes);
      ctx.progress("applied " + summary(changes) + "; recorded as release " + release + " in " + home);
    } else {
      ctx.progress("applied " + summary(changes));
    }
    return new Value.ListV(changes.stream().map(c -> K8sValues.objectRef(c.ref())).toList());
  }

  private ActionPreview applyPreview(CallContext ctx, List<ObjectNode> manifests, String namespace, String source) {
    var changes = Applier.changes(kube(ctx), manifests, namespace);
    var planned = PlannedRollouts.of(ctx);
    changes.stream().filter(c -> c.op() == Applier.Op.UPDATE && Set.of("Deployment", "StatefulSet", "DaemonSet").contains(c.ref().kind()))
        .forEach(c -> planned.add(c.ref().kind(), c.ref().namespace(), c.ref().name()));
    boolean creates = changes.stream().anyMatch(c -> c.op() == Applier.Op.CREATE);
    boolean updates = changes.stream().anyMatch(c -> c.op() == Applier.Op.UPDATE);
    String op = updates ? "update" : creates ? "create" : "noop";
    var description = new StringBuilder("apply ").append(source).append(": ").append(summary(changes));
    for (var kind : Applier.Op.values()) {
      if (kind == Applier.Op.UNCHANGED) continue;
      var refs = changes.stream().filter(c -> c.op() == kind).map(c -> c.ref().describe()).toList();
      if (!refs.isEmpty()) description.append("; ").append(kind.name().toLowerCase()).append(' ').append(String.join(", ", refs));
    }
    var names = changes.stream().map(c -> c.ref().kind() + "/" + c.ref().name()).toList();
    String target = names.size() <= 3 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    return new ActionPreview("k8s " + (namespace == null ? "" : namespace + ": ") + target, op, description.toString(),
        Applier.side(changes, false), Applier.side(changes, true));
  }

  /** Where an apply's release is recorded: the namespace applied to, else the first object's, else {@code default}. */
  private static String releaseNamespace(List<Applier.Change> changes, String namespace) {
    if (namespace != null) return namespace;
    return changes.stream().map(c -> c.ref().namespace()).filter(java.util.Objects::nonNull).findFirst().orElse("default");
  }

  private static String summary(List<Applier.Change> changes) {
    long create = changes.stream().filter(c -> c.op() == Applier.Op.CREATE).count();
    long update = changes.stream().filter(c -> c.op() == Applier.Op.UPDATE).count();
    return changes.size() + " objects (" + create + " to create, " + update + " to update, "
        + (changes.size() - create - update) + " unchanged)";
  }

  // ---------------------------------------------------------------- secrets

  @Extern("ensureSecret")
  public Value ensureSecret(CallContext ctx, Args args) {
    var kube = kube(ctx);
    Secrets.ensure(kube, Secrets.plan(kube, args.string(0), args.string(1), secrets(ctx, args.map(2)), args.bool(3)));
    return Value.Null.INSTANCE;
  }

  @PlanFor("ensureSecret")
  public ActionPreview planEnsureSecret(CallContext ctx, Args args) {
    var plan = Secrets.plan(kube(ctx), args.string(0), args.string(1), secrets(ctx, args.map(2)), args.bool(3));
    String target = "Secret " + args.string(0) + "/" + args.string(1);
    String op = plan.creates() ? "create" : plan.changes() ? "update" : "noop";
    String description = plan.creates() ? "create " + target + " with keys " + String.join(", ", plan.added())
        : !plan.changes() ? target + " has every key" + (args.bool(3) ? " with these values" : "")
        : "update " + target + (plan.added().isEmpty() ? "" : ": add keys " + String.join(", ", plan.added()))
            + (plan.replaced().isEmpty() ? "" : (plan.added().isEmpty() ? ": " : "; ") + "replace the values of " + String.join(", ", plan.replaced()));
    return new ActionPreview("k8s " + target, op, description + " (values not shown)",
        ObjectView.of(Json.tree(plan.live())), ObjectView.of(Json.tree(plan.desired())));
  }

  @Extern("ensureTlsSecret")
  public Value ensureTlsSecret(CallContext ctx, Args args) {
    var tls = TlsMaterial.of(secret(ctx, args.get(2)), secret(ctx, args.get(3)));
    Secrets.ensureTls(kube(ctx), Secrets.tls(args.string(0), args.string(1), tls));
    return Value.Null.INSTANCE;
  }

  @PlanFor("ensureTlsSecret")
  public ActionPreview planEnsureTlsSecret(CallContext ctx, Args args) {
    var tls = TlsMaterial.of(secret(ctx, args.get(2)), secret(ctx, args.get(3)));
    var live = Secrets.read(kube(ctx), args.string(0), args.string(1));
    ObjectNode liveView = ObjectView.of(Json.tree(live));
    if (liveView != null && live.getData() != null && live.getData().get("tls.crt") != null) {
      try {
        String pem = new String(java.util.Base64.getDecoder().decode(live.getData().get("tls.crt")), java.nio.charset.StandardCharsets.UTF_8);
        var current = TlsMaterial.certificateOnly(pem);
        liveView.set("certificate", NODES.objectNode().put("subject", current.subject()).put("notAfter", current.notAfter().toString()));
      } catch (AdapterException unreadable) {
        liveView.set("certificate", NODES.objectNode().put("subject", "(not a readable certificate)"));
      }
    }
    ObjectNode desired = ObjectView.of(Json.tree(Secrets.tls(args.string(0), args.string(1), tls)));
    desired.set("certificate", NODES.objectNode().put("subject", tls.subject()).put("notAfter", tls.notAfter().toString()));
    String target = "Secret " + args.string(0) + "/" + args.string(1);
    return new ActionPreview("k8s " + target, live == null ? "create" : "update",
        (live == null ? "create" : "replace") + " TLS " + target + ": " + tls.subject() + ", valid until " + tls.notAfter(),
        liveView, desired);
  }

  @Extern("secretValue")
  public Value secretValue(CallContext ctx, Args args) {
    String value = Secrets.value(kube(ctx), args.string(0), args.string(1), args.string(2));
    ctx.registerSecret(value);
    return new Value.Secret(value);
  }

  // ---------------------------------------------------------------- workloads and rollouts

  @Extern("workloads")
  public Value workloads(CallContext ctx, Args args) {
    return new Value.ListV(Workloads.list(kube(ctx), args.string(0)).stream().map(K8sValues::workload).toList());
  }

  @Extern("workload")
  public Value workload(CallContext ctx, Args args) {
    var w = Workloads.find(kube(ctx), args.string(0), args.string(1), kind(args, 2));
    return w == null ? Value.Null.INSTANCE : K8sValues.workload(w);
  }

  @Extern("rolloutStatus")
  public Value rolloutStatus(CallContext ctx, Args args) {
    return K8sValues.rollout(Rollouts.status(kube(ctx), args.string(0), args.string(1), kind(args, 2)), Instant.now());
  }

  @Extern("awaitRollout")
  public Value awaitRollout(CallContext ctx, Args args) {
    var kube = kube(ctx);
    String ns = args.string(0);
    String name = args.string(1);
    String kind = kind(args, 2);
    if (ctx.mode() == CallContext.Mode.PLAN) {
      // A workload the plan is about to create has no status yet: its rollout is known after apply.
      if (Workloads.find(kube, ns, name, kind) == null) {
        return new Value.Unknown("the rollout of " + kind + " " + ns + "/" + name + ", which does not exist yet");
      }
      // Its status now says nothing of the rollout this plan's own change will start.
      if (PlannedRollouts.of(ctx).contains(kind, ns, name)) {
        return new Value.Unknown("the rollout of " + kind + " " + ns + "/" + name + " after the change this plan makes");
      }
      return K8sValues.rollout(Rollouts.status(kube, ns, name, kind), Instant.now());
    }
    var state = Rollouts.await(kube, ns, name, kind, args.duration(3), ctx.deadline(), pollInterval, ctx::progress);
    return K8sValues.rollout(state, Instant.now());
  }

  @Extern("rolloutRestart")
  public Value rolloutRestart(CallContext ctx, Args args) {
    Workloads.restart(kube(ctx), args.string(0), args.string(1), kind(args, 2));
    return Value.Null.INSTANCE;
  }

  @PlanFor("rolloutRestart")
  public ActionPreview planRolloutRestart(CallContext ctx, Args args) {
    String kind = kind(args, 2);
    var w = History.workload(kube(ctx), args.string(0), args.string(1), kind);
    var info = Workloads.info(kube(ctx), w);
    ObjectNode live = restartView(Json.text(Json.tree(w), "spec", "template", "metadata", "annotations", Workloads.RESTARTED_AT));
    live.put("readyReplicas", info.ready());
    ObjectNode desired = restartView(null);
    ((ObjectNode) desired.at("/spec/template/metadata/annotations")).set(Workloads.RESTARTED_AT,
        NODES.objectNode().put("$unknown", "the time of the restart"));
    desired.put("readyReplicas", info.ready());
    PlannedRollouts.of(ctx).add(kind, args.string(0), args.string(1));
    return new ActionPreview("k8s " + kind + " " + args.string(0) + "/" + args.string(1), "restart",
        "restart " + kind + " " + args.string(0) + "/" + args.string(1) + " (" + info.ready() + " of " + info.replicas()
            + " ready): pods are replaced one at a time", live, desired);
  }

  private static ObjectNode restartView(String restartedAt) {
    ObjectNode root = NODES.objectNode();
    ObjectNode annotations = root.putObject("spec").putObject("template").putObject("metadata").putObject("annotations");
    if (restartedAt != null) annotations.put(Workloads.RESTARTED_AT, restartedAt);
    return root;
  }

  @Extern("scale")
  public Value scale(CallContext ctx, Args args) {
    Workloads.scale(kube(ctx), args.string(0), args.string(1), kind(args, 3), (int) args.integer(2));
    return Value.Null.INSTANCE;
  }

  @PlanFor("scale")
  public ActionPreview planScale(CallContext ctx, Args args) {
    String kind = kind(args, 3);
    var w = Workloads.find(kube(ctx), args.string(0), args.string(1), kind);
    if (w == null) throw Rollouts.missing(kind, args.string(0), args.string(1));
    int to = (int) args.integer(2);
    ObjectNode live = NODES.objectNode();
    live.putObject("spec").put("replicas", w.replicas());
    ObjectNode desired = NODES.objectNode();
    desired.putObject("spec").put("replicas", to);
    if (w.replicas() != to) PlannedRollouts.of(ctx).add(kind, args.string(0), args.string(1));
    return new ActionPreview("k8s " + kind + " " + args.string(0) + "/" + args.string(1), w.replicas() == to ? "noop" : "update",
        "scale " + kind + " " + args.string(0) + "/" + args.string(1) + " from " + w.replicas() + " to " + to + " replicas"
            + (to == 0 ? ": the service goes down" : ""), live, desired);
  }

  @Extern("setImage")
  public Value setImage(CallContext ctx, Args args) {
    String name = args.string(1);
    Workloads.setImage(kube(ctx), args.string(0), name, kind(args, 4), args.isNull(3) ? name : args.string(3), args.string(2));
    return Value.Null.INSTANCE;
  }

  @PlanFor("setImage")
  public ActionPreview planSetImage(CallContext ctx, Args args) {
    String name = args.string(1);
    String kind = kind(args, 4);
    var w = History.workload(kube(ctx), args.string(0), name, kind);
    var live = Workloads.view(w);
    var desired = Workloads.view(Workloads.withImage(w, args.isNull(3) ? name : args.string(3), args.string(2)));
    if (!live.equals(desired)) PlannedRollouts.of(ctx).add(kind, args.string(0), name);
    return new ActionPreview("k8s " + kind + " " + args.string(0) + "/" + name, live.equals(desired) ? "noop" : "update",
        "set the image of " + kind + " " + args.string(0) + "/" + name + " to " + args.string(2) + " (starts a rollout)", live, desired);
  }

  @Extern("releases")
  public Value releases(CallContext ctx, Args args) {
    return new Value.ListV(History.of(kube(ctx), args.string(0), args.string(1), kind(args, 2)).stream()
        .map(K8sValues::release).toList());
  }

  @Extern("rollback")
  public Value rollback(CallContext ctx, Args args) {
    var kube = kube(ctx);
    String kind = kind(args, 3);
    var target = rollbackTarget(kube, args, kind);
    Workloads.rollback(kube, args.string(0), args.string(1), kind, target);
    ctx.progress("rolled " + kind + " " + args.string(0) + "/" + args.string(1) + " back to revision " + target.revision()
        + " (" + String.join(", ", target.images()) + ")");
    return Value.Null.INSTANCE;
  }

  @PlanFor("rollback")
  public ActionPreview planRollback(CallContext ctx, Args args) {
    var kube = kube(ctx);
    String kind = kind(args, 3);
    var history = History.of(kube, args.string(0), args.string(1), kind);
    var current = history.isEmpty() ? null : history.stream().filter(History.Revision::current).findFirst().orElse(history.getFirst());
    History.Revision target;
    try {
      target = rollbackTarget(kube, args, kind);
    } catch (AdapterException e) {
      // A plan sees the workload before the run's own changes: a rollback that follows this run's
      // rollout (a patch whose health check fails) returns to what runs now.
      if (!args.isNull(2) || current == null) throw e;
      target = current;
    }
    var w = History.workload(kube, args.string(0), args.string(1), kind);
    if (target.revision() != current.revision()) PlannedRollouts.of(ctx).add(kind, args.string(0), args.string(1));
    ObjectNode live = NODES.objectNode().put("revision", current.revision());
    live.putObject("spec").set("template", Json.tree(History.strip(Workloads.template(w))));
    ObjectNode desired = NODES.objectNode().put("revision", target.revision());
    desired.putObject("spec").set("template", Json.tree(History.strip(target.template())));
    return new ActionPreview("k8s " + kind + " " + args.string(0) + "/" + args.string(1), "update",
        "roll " + kind + " " + args.string(0) + "/" + args.string(1) + " back from revision " + current.revision() + " ("
            + String.join(", ", current.images()) + ") to revision " + target.revision() + " (" + String.join(", ", target.images()) + ")",
        live, desired);
  }

  private static History.Revision rollbackTarget(Kube kube, Args args, String kind) {
    var history = History.of(kube, args.string(0), args.string(1), kind);
    return History.target(history, args.isNull(2) ? null : args.integer(2), kind + " " + args.string(0) + "/" + args.string(1));
  }

  // ---------------------------------------------------------------- pods, events, logs

  @Extern("pods")
  public Value pods(CallContext ctx, Args args) {
    Instant now = Instant.now();
    var out = new ArrayList<Value>();
    Pods.each(kube(ctx), args.string(0), strings(args.map(1)), p -> out.add(K8sValues.pod(p, now)));
    return new Value.ListV(out);
  }

  @Extern("deletePod")
  public Value deletePod(CallContext ctx, Args args) {
    var kube = kube(ctx);
    String what = "delete Pod " + args.string(0) + "/" + args.string(1);
    kube.run(what, () -> {
      var deleted = kube.client().pods().inNamespace(args.string(0)).withName(args.string(1)).delete();
      if (deleted.isEmpty()) throw new AdapterException("kubernetes", what + ": it does not exist");
    });
    return Value.Null.INSTANCE;
  }

  @PlanFor("deletePod")
  public ActionPreview planDeletePod(CallContext ctx, Args args) {
    var kube = kube(ctx);
    String ns = args.string(0);
    String name = args.string(1);
    var pod = Pods.get(kube, ns, name);
    if (pod == null) throw new AdapterException("kubernetes", "Pod " + ns + "/" + name + " does not exist");
    var info = Pods.info(pod);
    var owners = pod.getMetadata().getOwnerReferences();
    String owner = owners == null || owners.isEmpty() ? null : owners.getFirst().getKind() + "/" + owners.getFirst().getName();
    ObjectNode live = NODES.objectNode().put("name", name).put("phase", info.phase()).put("ready", info.ready())
        .put("node", info.node()).put("reason", info.reason()).put("controller", owner);
    return new ActionPreview("k8s Pod " + ns + "/" + name, "delete", "delete Pod " + ns + "/" + name + (owner == null
        ? ": it has no controller, so nothing replaces it" : ": " + owner + " starts a replacement"), live, null);
  }

  @Extern("events")
  public Value events(CallContext ctx, Args args) {
    Instant now = Instant.now();
    return new Value.ListV(Events.list(kube(ctx), args.string(0), args.isNull(1) ? null : args.string(1), args.bool(2),
        args.duration(3), now).stream().map(e -> K8sValues.event(e, now)).toList());
  }

  @Extern("logs")
  public Value logs(CallContext ctx, Args args) {
    var lines = Logs.tail(kube(ctx), args.string(0), args.string(1), (int) args.integer(2), args.isNull(3) ? null : args.string(3),
        args.bool(4));
    return K8sValues.strings(lines);
  }

  @Extern("describe")
  public Value describe(CallContext ctx, Args args) {
    return new Value.Str(Describe.describe(kube(ctx), args.string(0), args.string(1), args.string(2), Instant.now()));
  }

  // ---------------------------------------------------------------- storage, network, certificates

  @Extern("pvcs")
  public Value pvcs(CallContext ctx, Args args) {
    return new Value.ListV(Resources.pvcs(kube(ctx), args.string(0), Instant.now()).stream().map(K8sValues::pvc).toList());
  }

  @Extern("networkPolicies")
  public Value networkPolicies(CallContext ctx, Args args) {
    return new Value.ListV(Resources.networkPolicies(kube(ctx), args.string(0)).stream().map(K8sValues::networkPolicy).toList());
  }

  @Extern("certificates")
  public Value certificates(CallContext ctx, Args args) {
    Instant now = Instant.now();
    return new Value.ListV(Resources.certificates(kube(ctx), args.string(0)).stream().map(c -> K8sValues.certificate(c, now)).toList());
  }

  @Extern("certificate")
  public Value certificate(CallContext ctx, Args args) {
    if (ctx.mode() == CallContext.Mode.PLAN) {
      var found = Resources.findCertificate(kube(ctx), args.string(0), args.string(1));
      // One the plan is about to create (with its ingress) has no status yet: known after apply.
      return found == null ? new Value.Unknown("Certificate " + args.string(0) + "/" + args.string(1) + ", which does not exist yet")
          : K8sValues.certificate(found, Instant.now());
    }
    return K8sValues.certificate(Resources.certificate(kube(ctx), args.string(0), args.string(1)), Instant.now());
  }

  @Extern("renewCertificate")
  public Value renewCertificate(CallContext ctx, Args args) {
    if (!CertManager.renew(kube(ctx), args.string(0), args.string(1), Instant.now())) {
      ctx.progress("Certificate " + args.string(0) + "/" + args.string(1) + " is already being issued");
    }
    return Value.Null.INSTANCE;
  }

  @PlanFor("renewCertificate")
  public ActionPreview planRenewCertificate(CallContext ctx, Args args) {
    var live = CertManager.read(kube(ctx), args.string(0), args.string(1));
    var renewed = CertManager.renewed(live, Instant.now());
    var info = Resources.certificate(live);
    String target = "Certificate " + args.string(0) + "/" + args.string(1);
    return new ActionPreview("k8s " + target, renewed == null ? "noop" : "renew",
        (renewed == null ? target + " is already being issued" : "renew " + target)
            + (info.notAfter() == null ? " (not issued yet)" : " (current certificate valid until " + info.notAfter() + ")"),
        statusView(live), statusView(renewed == null ? live : renewed));
  }

  private static ObjectNode statusView(ObjectNode certificate) {
    ObjectNode out = NODES.objectNode();
    out.set("status", certificate.path("status").deepCopy());
    return out;
  }

  @Extern("ingresses")
  public Value ingresses(CallContext ctx, Args args) {
    return new Value.ListV(Resources.ingresses(kube(ctx), args.string(0)).stream().map(K8sValues::ingress).toList());
  }

  @Extern("ingress")
  public Value ingress(CallContext ctx, Args args) {
    if (ctx.mode() == CallContext.Mode.PLAN) {
      var found = Resources.findIngress(kube(ctx), args.string(0), args.string(1));
      return found == null ? new Value.Unknown("Ingress " + args.string(0) + "/" + args.string(1) + ", which does not exist yet")
          : K8sValues.ingress(found);
    }
    return K8sValues.ingress(Resources.ingress(kube(ctx), args.string(0), args.string(1)));
  }

  // ---------------------------------------------------------------- resource usage

  @Extern("topPods")
  public Value topPods(CallContext ctx, Args args) {
    return new Value.ListV(Metrics.pods(kube(ctx), args.string(0), strings(args.map(1)), ctx::progress).stream()
        .map(K8sValues::podUsage).toList());
  }

  @Extern("topNodes")
  public Value topNodes(CallContext ctx, Args args) {
    return new Value.ListV(Metrics.nodes(kube(ctx), ctx::progress).stream().map(K8sValues::nodeUsage).toList());
  }

  // ---------------------------------------------------------------- argument helpers

  private static String kind(Args args, int i) {
    return args.get(i) instanceof Value.EnumV e ? e.member() : "Deployment";
  }

  private static Map<String, String> strings(Map<String, Value> map) {
    var out = new LinkedHashMap<String, String>();
    map.forEach((k, v) -> out.put(k, v instanceof Value.Str s ? s.value() : v.show()));
    return out;
  }

  private static Map<String, String> secrets(CallContext ctx, Map<String, Value> map) {
    var out = new LinkedHashMap<String, String>();
    map.forEach((k, v) -> out.put(k, secret(ctx, v)));
    return out;
  }

  private static String secret(CallContext ctx, Value v) {
    String text = switch (v) {
      case Value.Secret s -> s.reveal();
      case Value.Str s -> s.value();
      default -> throw new AdapterException("kubernetes", "expected a Secret, got " + v.show());
    };
    ctx.registerSecret(text);
    return text;
  }
}
