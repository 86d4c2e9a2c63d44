package aegis.testing.adapters;

import aegis.adapters.CallContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** A {@link CallContext} for adapter tests: records registered secrets and progress lines. */
public final class RecordingContext implements CallContext, AutoCloseable {
  private final Mode mode;
  private final Instant deadline;
  private final Map<String, Object> resources = new HashMap<>();
  public final Set<String> secrets = new LinkedHashSet<>();
  public final List<String> progress = new ArrayList<>();

  public RecordingContext(Mode mode, Instant deadline) {
    this.mode = mode;
    this.deadline = deadline;
  }

  public static RecordingContext apply() { return new RecordingContext(Mode.APPLY, null); }

  public static RecordingContext plan() { return new RecordingContext(Mode.PLAN, null); }

  @Override
  public Mode mode() { return mode; }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <T> T resource(String key, Supplier<T> create) {
    return (T) resources.computeIfAbsent(key, k -> create.get());
  }

  @Override
  public Instant deadline() { return deadline; }

  @Override
  public synchronized void registerSecret(String value) { secrets.add(value); }

  @Override
  public synchronized void progress(String message) { progress.add(message); }

  @Override
  public void close() throws Exception {
    for (var r : resources.values()) if (r instanceof AutoCloseable c) c.close();
  }
}
