package aegis.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link BuiltinRegistry#prepare}: the modules named prepare on threads of their own; failures stay there. */
class BuiltinPrepareTest {
  /** A module that records where it prepared, or fails to. */
  static final class Preparing implements BuiltinModule {
    private final String name;
    private final boolean fails;
    private final ConcurrentLinkedQueue<String> log;
    private final CountDownLatch done;

    Preparing(String name, boolean fails, ConcurrentLinkedQueue<String> log, CountDownLatch done) {
      this.name = name;
      this.fails = fails;
      this.log = log;
      this.done = done;
    }

    @Override
    public String name() { return name; }

    @Override
    public void prepare() {
      try {
        log.add(name + " on " + Thread.currentThread().getName());
        if (fails) throw new IllegalStateException("no library");
      } finally {
        done.countDown();
      }
    }
  }

  @Test
  void theModulesNamedPrepareInTheBackgroundAndAFailureIsDropped() throws InterruptedException {
    var log = new ConcurrentLinkedQueue<String>();
    var done = new CountDownLatch(2);
    var registry = new BuiltinRegistry(List.of(new Preparing("a", false, log, done), new Preparing("b", true, log, done),
        new Preparing("c", false, log, done)));
    registry.prepare(Set.of("a", "b", "nope"));
    assertTrue(done.await(30, TimeUnit.SECONDS), "both named modules prepared");
    assertEquals(Set.of("a on prepare a", "b on prepare b"), Set.copyOf(log), "each on its own thread; c was not named");
  }
}
