package aegis.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Per-run resources of the adapters (connection pools, clients): made once, closed when the run ends. */
final class RunResources implements AutoCloseable {
  private final Map<String, Object> resources = new LinkedHashMap<>();

  @SuppressWarnings("unchecked")
  synchronized <T> T get(String key, Supplier<T> create) {
    return (T) resources.computeIfAbsent(key, k -> create.get());
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
