package aegis.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Per-run resources of the adapters (connection pools, clients): made once, closed when the run ends. */
final class RunResources implements AutoCloseable {
  private final Map<String, Object> resources = new LinkedHashMap<>();

  /**
   * The resource under {@code key}, made by {@code create} on first use (a null result is not
   * kept). Not {@code computeIfAbsent}: a creator may ask for other resources of the run (a Vault
   * credential needs the run's HTTP client), which a map must not be changed under.
   */
  @SuppressWarnings("unchecked")
  synchronized <T> T get(String key, Supplier<T> create) {
    var existing = resources.get(key);
    if (existing != null) return (T) existing;
    T created = create.get();
    if (created != null) resources.put(key, created);
    return created;
  }

  @Override
  public synchronized void close() {
    List<Object> all = new ArrayList<>(resources.values());
    resources.clear();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i) instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing is best effort: the run's outcome is already decided
        }
      }
    }
  }
}
