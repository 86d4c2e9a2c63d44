package aegis.exec;

import aegis.adapters.ActionPreview;
import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Extern;
import aegis.adapters.PlanFor;
import aegis.eval.Value;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A system for executor tests: a map of integers with reads, writes and a destructive drop, a
 * slow call that counts how many run at once, and a call that fails a set number of times.
 */
final class FakeModule implements BuiltinModule {
  static final String DECLARATION = """
      /// A fake system for executor tests.
      module fake

      /// Reads a value (0 when unset).
      extern read fn get(name: String) -> Int
      /// Sets a value; returns the new value.
      extern write fn set(name: String, value: Int) -> Int
      /// Removes a value.
      extern destructive fn drop(name: String)
      /// Sleeps, counting concurrent callers.
      extern read fn slow(ms: Int) -> Int
      /// Fails the first `failures` calls for `key`.
      extern read fn flaky(key: String, failures: Int) -> Int
      /// Uses a secret (for redaction tests).
      extern write fn login(user: String, password: Secret) -> String
      """;

  final Map<String, Long> state = new ConcurrentHashMap<>();
  final AtomicInteger writes = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final AtomicInteger slowCalls = new AtomicInteger();
  final Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();

  @Override
  public String name() { return "fake"; }

  @Extern("get")
  public Value get(CallContext ctx, Args a) { return new Value.Int(state.getOrDefault(a.string(0), 0L)); }

  @Extern("set")
  public Value set(CallContext ctx, Args a) {
    writes.incrementAndGet();
    state.put(a.string(0), a.integer(1));
    return new Value.Int(a.integer(1));
  }

  @PlanFor("set")
  public ActionPreview planSet(CallContext ctx, Args a) {
    var json = JsonNodeFactory.instance;
    Long live = state.get(a.string(0));
    return new ActionPreview("fake " + a.string(0), live == null ? "create" : live == a.integer(1) ? "noop" : "update",
        "set " + a.string(0) + " to " + a.integer(1),
        live == null ? null : json.objectNode().put("value", live), json.objectNode().put("value", a.integer(1)));
  }

  @Extern("drop")
  public Value drop(CallContext ctx, Args a) {
    writes.incrementAndGet();
    state.remove(a.string(0));
    return Value.Null.INSTANCE;
  }

  @Extern("slow")
  public Value slow(CallContext ctx, Args a) {
    slowCalls.incrementAndGet();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(a.integer(0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdapterException("fake", "interrupted");
    } finally {
      inFlight.decrementAndGet();
    }
    return new Value.Int(a.integer(0));
  }

  @Extern("flaky")
  public Value flaky(CallContext ctx, Args a) {
    int n = flakyCalls.computeIfAbsent(a.string(0), k -> new AtomicInteger()).incrementAndGet();
    if (n <= a.integer(1)) throw new AdapterException("fake", "flaky failure " + n);
    return new Value.Int(n);
  }

  @Extern("login")
  public Value login(CallContext ctx, Args a) {
    writes.incrementAndGet();
    return new Value.Str("logged in as " + a.string(0));
  }
}
