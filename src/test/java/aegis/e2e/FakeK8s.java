package aegis.e2e;

import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Extern;
import aegis.eval.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the {@code k8s} module while the Kubernetes adapter is written (branch
 * {@code wt/k8s}): only {@code k8s.pods}, the one function {@code runbooks/daily-check.aegis}
 * calls, answering the pods the test set, as values of the stdlib's {@code k8s.Pod} record.
 * Replace it with the real adapter against fabric8's mock server once that lands.
 */
public final class FakeK8s implements BuiltinModule {
  /** A pod as the test describes it. */
  public record Pod(String name, String phase, boolean ready, int restarts, String reason) {}

  private final List<Pod> pods = new CopyOnWriteArrayList<>();
  /** Namespaces asked for, in order. */
  public final List<String> namespacesAsked = new CopyOnWriteArrayList<>();
  public final AtomicInteger calls = new AtomicInteger();

  public FakeK8s(List<Pod> pods) { this.pods.addAll(pods); }

  @Override
  public String name() { return "k8s"; }

  @Extern("pods")
  public Value pods(CallContext ctx, Args args) {
    calls.incrementAndGet();
    String namespace = args.string(0);
    namespacesAsked.add(namespace);
    var out = new ArrayList<Value>();
    for (Pod p : pods) out.add(pod(p, namespace));
    return new Value.ListV(out);
  }

  private static Value pod(Pod p, String namespace) {
    var container = new LinkedHashMap<String, Value>();
    container.put("name", new Value.Str("main"));
    container.put("image", new Value.Str("aegisshield/" + p.name() + ":1.0.0"));
    container.put("ready", Value.Bool.of(p.ready()));
    container.put("restarts", new Value.Int(p.restarts()));
    container.put("state", new Value.Str(p.phase().equals("Running") ? "running" : "waiting"));
    container.put("reason", text(p.reason()));
    container.put("lastTerminationReason", Value.Null.INSTANCE);
    var fields = new LinkedHashMap<String, Value>();
    fields.put("name", new Value.Str(p.name()));
    fields.put("namespace", new Value.Str(namespace));
    fields.put("phase", new Value.EnumV("k8s.PodPhase", p.phase()));
    fields.put("ready", Value.Bool.of(p.ready()));
    fields.put("restarts", new Value.Int(p.restarts()));
    fields.put("node", p.phase().equals("Pending") ? Value.Null.INSTANCE : new Value.Str("node-1"));
    fields.put("reason", text(p.reason()));
    fields.put("message", Value.Null.INSTANCE);
    fields.put("age", new Value.Dur(Duration.ofHours(5)));
    fields.put("labels", new Value.MapV(Map.of("app", new Value.Str(p.name()))));
    fields.put("containers", new Value.ListV(List.of(new Value.Rec("k8s.ContainerStatus", container))));
    return new Value.Rec("k8s.Pod", fields);
  }

  private static Value text(String s) { return s == null ? Value.Null.INSTANCE : new Value.Str(s); }
}
