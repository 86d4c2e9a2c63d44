package aegis.adapters.k8s;

import aegis.eval.Quantities;
import aegis.eval.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The adapter's typed results as the values of {@code stdlib/k8s.aegis}'s records. */
final class K8sValues {
  private K8sValues() {}

  static Value objectRef(ObjectRef r) {
    return rec("k8s.ObjectRef", "kind", str(r.kind()), "name", str(r.name()), "namespace", str(r.namespace()));
  }

  static Value pod(PodInfo p, Instant now) {
    var containers = p.containers().stream().map(c -> rec("k8s.ContainerStatus", "name", str(c.name()), "image", str(c.image()),
        "ready", Value.Bool.of(c.ready()), "restarts", new Value.Int(c.restarts()), "state", str(c.state()),
        "reason", str(c.reason()), "lastTerminationReason", str(c.lastTerminationReason()))).toList();
    return rec("k8s.Pod", "name", str(p.name()), "namespace", str(p.namespace()), "phase", phase(p.phase()),
        "ready", Value.Bool.of(p.ready()), "restarts", new Value.Int(p.restarts()), "node", str(p.node()),
        "reason", str(p.reason()), "message", str(p.message()), "age", age(p.created(), now),
        "labels", strings(p.labels()), "containers", new Value.ListV(containers));
  }

  static Value event(Events.EventInfo e, Instant now) {
    return rec("k8s.Event", "type", str(e.type()), "reason", str(e.reason()), "message", str(e.message()),
        "object", str(e.object()), "count", new Value.Int(e.count()), "age", age(e.lastSeen(), now));
  }

  static Value rollout(RolloutState s, Instant now) {
    return rec("k8s.RolloutStatus", "name", str(s.name()), "kind", kind(s.kind()), "revision", new Value.Int(s.revision()),
        "desired", new Value.Int(s.desired()), "updated", new Value.Int(s.updated()), "ready", new Value.Int(s.ready()),
        "available", new Value.Int(s.available()), "complete", Value.Bool.of(s.complete()), "failed", Value.Bool.of(s.failed()),
        "reason", str(s.reason()), "message", str(s.message()),
        "failingPods", new Value.ListV(s.failingPods().stream().map(p -> pod(p, now)).toList()));
  }

  static Value workload(WorkloadInfo w) {
    return rec("k8s.Workload", "name", str(w.name()), "kind", kind(w.kind()), "replicas", new Value.Int(w.replicas()),
        "ready", new Value.Int(w.ready()), "images", strings(w.images()), "revision", new Value.Int(w.revision()),
        "labels", strings(w.labels()));
  }

  static Value release(History.Revision r) {
    return rec("k8s.Release", "revision", new Value.Int(r.revision()), "images", strings(r.images()),
        "changeCause", str(r.changeCause()), "createdAt", str(r.createdAt().toString()), "current", Value.Bool.of(r.current()));
  }

  static Value pvc(Resources.PvcInfo p) {
    return rec("k8s.Pvc", "name", str(p.name()), "phase", str(p.phase()), "requested", quantity(p.requested()),
        "capacity", p.capacity() == null ? Value.Null.INSTANCE : quantity(p.capacity()), "storageClass", str(p.storageClass()),
        "volume", str(p.volume()), "reason", str(p.reason()));
  }

  static Value networkPolicy(Resources.NetworkPolicyInfo n) {
    return rec("k8s.NetworkPolicy", "name", str(n.name()), "podSelector", strings(n.podSelector()),
        "policyTypes", strings(n.policyTypes()), "ingressRules", new Value.Int(n.ingressRules()),
        "egressRules", new Value.Int(n.egressRules()));
  }

  static Value certificate(Resources.CertificateInfo c, Instant now) {
    return rec("k8s.Certificate", "name", str(c.name()), "secretName", str(c.secretName()), "dnsNames", strings(c.dnsNames()),
        "issuer", str(c.issuer()), "ready", Value.Bool.of(c.ready()), "reason", str(c.reason()), "message", str(c.message()),
        "notAfter", str(c.notAfter() == null ? null : c.notAfter().toString()),
        "renewalTime", str(c.renewalTime() == null ? null : c.renewalTime().toString()),
        "expiresIn", c.notAfter() == null ? Value.Null.INSTANCE : new Value.Dur(Duration.between(now, c.notAfter())));
  }

  static Value ingress(Resources.IngressInfo i) {
    return rec("k8s.Ingress", "name", str(i.name()), "className", str(i.className()), "hosts", strings(i.hosts()),
        "tlsSecrets", strings(i.tlsSecrets()), "addresses", strings(i.addresses()));
  }

  static Value podUsage(Metrics.PodUsage u) {
    return rec("k8s.PodUsage", "name", str(u.name()), "cpu", cpu(u.cpu()), "memory", memory(u.memory()),
        "cpuLimit", u.cpuLimit() == null ? Value.Null.INSTANCE : cpu(u.cpuLimit()),
        "memoryLimit", u.memoryLimit() == null ? Value.Null.INSTANCE : memory(u.memoryLimit()));
  }

  static Value nodeUsage(Metrics.NodeUsage u) {
    return rec("k8s.NodeUsage", "name", str(u.name()), "cpu", cpu(u.cpu()), "memory", memory(u.memory()),
        "cpuAllocatable", cpu(u.cpuAllocatable()), "memoryAllocatable", memory(u.memoryAllocatable()),
        "ready", Value.Bool.of(u.ready()));
  }

  static Value strings(List<String> xs) {
    return new Value.ListV(xs.stream().map(K8sValues::str).toList());
  }

  static Value strings(Map<String, String> m) {
    var out = new LinkedHashMap<String, Value>();
    new java.util.TreeMap<>(m).forEach((k, v) -> out.put(k, str(v)));
    return new Value.MapV(out);
  }

  /** A String value, or null. */
  static Value str(String s) { return s == null ? Value.Null.INSTANCE : new Value.Str(s); }

  static Value kind(String kind) { return new Value.EnumV("WorkloadKind", kind); }

  private static Value phase(String phase) {
    return new Value.EnumV("k8s.PodPhase", switch (phase) {
      case "Pending", "Running", "Succeeded", "Failed" -> phase;
      default -> "Unknown";
    });
  }

  private static Value age(Instant since, Instant now) {
    if (since == null) return new Value.Dur(Duration.ZERO);
    var d = Duration.between(since, now).withNanos(0);
    return new Value.Dur(d.isNegative() ? Duration.ZERO : d);
  }

  /** A quantity as Kubernetes wrote it, e.g. {@code 10Gi}. */
  static Value quantity(String text) {
    try {
      return Quantities.parseQuantity(text);
    } catch (RuntimeException e) {
      return new Value.Qty(Metrics.amount(new io.fabric8.kubernetes.api.model.Quantity(text)), text);
    }
  }

  /** Cores as {@code kubectl top} shows them: millicores, e.g. {@code 250m}. */
  static Value.Qty cpu(BigDecimal cores) {
    var milli = cores.movePointRight(3).setScale(0, RoundingMode.HALF_UP);
    return new Value.Qty(cores, milli.toPlainString() + "m");
  }

  /** Bytes as {@code kubectl top} shows them: mebibytes, e.g. {@code 512Mi}. */
  static Value.Qty memory(BigDecimal bytes) {
    var mi = bytes.divide(BigDecimal.valueOf(1L << 20), 0, RoundingMode.HALF_UP);
    return new Value.Qty(bytes, mi.toPlainString() + "Mi");
  }

  private static Value rec(String type, Object... namesAndValues) {
    var fields = new LinkedHashMap<String, Value>();
    for (int i = 0; i < namesAndValues.length; i += 2) fields.put((String) namesAndValues[i], (Value) namesAndValues[i + 1]);
    return new Value.Rec(type, fields);
  }
}
