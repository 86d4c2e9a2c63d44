package aegis.testing;

import aegis.adapters.CallContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A {@link CallContext} for adapter tests: one "run" whose resources are closed by {@link #close()}
 * (as the executor does when a run ends), with the mode, deadline, registered secrets and
 * progress lines visible to assertions.
 */
public final class TestCallContext implements CallContext, AutoCloseable {
  private final Mode mode;
  private final Map<String, Object> resources = new LinkedHashMap<>();
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final List<String> progress = new CopyOnWriteArrayList<>();
  private volatile Instant deadline;

  public TestCallContext(Mode mode) { this.mode = mode; }

  public static TestCallContext plan() { return new TestCallContext(Mode.PLAN); }

  public static TestCallContext apply() { return new TestCallContext(Mode.APPLY); }

  @Override
  public Mode mode() { return mode; }

  @Override
  public synchronized <T> T resource(String key, Supplier<T> create) {
    @SuppressWarnings("unchecked")
    T existing = (T) resources.get(key);
    if (existing != null) return existing;
    T created = create.get();
    // Like ConcurrentHashMap.computeIfAbsent: a null result is not kept.
    if (created != null) resources.put(key, created);
    return created;
  }

  @Override
  public Instant deadline() { return deadline; }

  /** Sets the current step's deadline (null: no timeout). */
  public TestCallContext deadline(Instant deadline) {
    this.deadline = deadline;
    return this;
  }

  @Override
  public void registerSecret(String value) { secrets.add(value); }

  @Override
  public void progress(String message) { progress.add(message); }

  public List<String> secrets() { return List.copyOf(secrets); }

  public List<String> progressLines() { return List.copyOf(progress); }

  /** How many resources this run holds (e.g. one pool per endpoint). */
  public synchronized int resourceCount() { return resources.size(); }

  /** Ends the run: closes every resource, last created first; a failure to close fails the test. */
  @Override
  public synchronized void close() {
    var all = new ArrayList<>(resources.values());
    resources.clear();
    Exception first = null;
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i) instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          if (first == null) first = e; else first.addSuppressed(e);
        }
      }
    }
    if (first != null) throw new IllegalStateException("closing the run's resources failed", first);
  }
}
