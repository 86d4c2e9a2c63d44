package aegis.adapters.k8s;

import aegis.adapters.ActionPreview;
import aegis.adapters.Args;
import aegis.adapters.BuiltinRegistry;
import aegis.adapters.CallContext;
import aegis.eval.Value;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/** Calls the k8s module through the registry, as the engine does; arguments in declaration order. */
final class Calls {
  static final K8sModule MODULE = new K8sModule(TokenSource.environment(System::getenv), Duration.ofMillis(50));
  static final BuiltinRegistry REGISTRY = new BuiltinRegistry(List.of(MODULE));
  static final Value NULL = Value.Null.INSTANCE;

  private Calls() {}

  static Value call(CallContext ctx, String fn, Value... args) {
    return REGISTRY.find("k8s", fn).orElseThrow().invoke().call(ctx, new Args(fn, Arrays.asList(args)));
  }

  static ActionPreview preview(CallContext ctx, String fn, Value... args) {
    return REGISTRY.find("k8s", fn).orElseThrow().preview().preview(ctx, new Args(fn, Arrays.asList(args)));
  }

  static Value s(String text) { return new Value.Str(text); }

  static Value i(long n) { return new Value.Int(n); }

  static Value b(boolean v) { return Value.Bool.of(v); }

  static Value d(Duration v) { return new Value.Dur(v); }

  static Value secret(String v) { return new Value.Secret(v); }

  static Value kind(String k) { return new Value.EnumV("WorkloadKind", k); }

  static Value deployment() { return kind("Deployment"); }

  static Value map(Object... kv) {
    var m = new LinkedHashMap<String, Value>();
    for (int j = 0; j < kv.length; j += 2) m.put((String) kv[j], kv[j + 1] instanceof Value v ? v : new Value.Str((String) kv[j + 1]));
    return new Value.MapV(m);
  }

  static Value field(Value rec, String name) { return ((Value.Rec) rec).get(name); }

  static String text(Value rec, String name) {
    return field(rec, name) instanceof Value.Str s ? s.value() : null;
  }

  static List<Value> items(Value list) { return ((Value.ListV) list).items(); }

  /** A Deployment manifest of one container named like it. */
  static String deploymentYaml(String ns, String name, String image, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %2$s
          namespace: %1$s
          labels: {app: %2$s}
        spec:
          replicas: %4$d
          selector: {matchLabels: {app: %2$s}}
          template:
            metadata: {labels: {app: %2$s}}
            spec:
              containers:
                - name: %2$s
                  image: %3$s
                  ports: [{name: http, containerPort: 8080}]
        """.formatted(ns, name, image, replicas);
  }

  static String statefulSetYaml(String ns, String name, String image) {
    return """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: %2$s, namespace: %1$s}
        spec:
          replicas: 2
          serviceName: %2$s
          selector: {matchLabels: {app: %2$s}}
          template:
            metadata: {labels: {app: %2$s}}
            spec:
              containers: [{name: %2$s, image: "%3$s"}]
        """.formatted(ns, name, image);
  }
}
