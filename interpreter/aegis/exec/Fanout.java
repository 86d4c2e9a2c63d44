package aegis.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

/**
 * {@code for ... parallel(limit: N)}: runs one task per item on virtual threads with never more
 * than N in flight. Every item runs even when some fail (a health check wants every answer); the
 * outcomes come back in item order.
 */
public final class Fanout {
  private Fanout() {}

  /** The body of one iteration. */
  @FunctionalInterface
  public interface Task<T, R> {
    R run(T item, int index) throws Exception;
  }

  /** What one iteration gave: a result or the failure. */
  public record Outcome<R>(R result, Throwable failure) {
    public boolean ok() { return failure == null; }
  }

  /**
   * Runs {@code task} over {@code items}, at most {@code limit} at a time.
   *
   * @param onDone called after each item finishes with the number finished so far (for progress)
   */
  public static <T, R> List<Outcome<R>> run(List<T> items, int limit, Task<T, R> task, IntConsumer onDone)
      throws InterruptedException {
    if (limit < 1) throw new IllegalArgumentException("parallel limit must be at least 1");
    var permits = new Semaphore(limit);
    var done = new java.util.concurrent.atomic.AtomicInteger();
    var futures = new ArrayList<Future<R>>(items.size());
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < items.size(); i++) {
        permits.acquire();
        final int index = i;
        final T item = items.get(i);
        futures.add(executor.submit(() -> {
          try {
            return task.run(item, index);
          } finally {
            permits.release();
            onDone.accept(done.incrementAndGet());
          }
        }));
      }
    }
    var outcomes = new ArrayList<Outcome<R>>(items.size());
    for (var f : futures) {
      try {
        outcomes.add(new Outcome<>(f.get(), null));
      } catch (ExecutionException e) {
        outcomes.add(new Outcome<>(null, e.getCause()));
      }
    }
    return outcomes;
  }
}
