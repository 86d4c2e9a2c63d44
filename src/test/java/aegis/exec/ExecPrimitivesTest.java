package aegis.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExecPrimitivesTest {

  @Test
  void parallelLimitIsNeverExceededAndEveryItemRuns() throws Exception {
    var inFlight = new AtomicInteger();
    var maxInFlight = new AtomicInteger();
    var items = IntStream.range(0, 60).boxed().toList();
    var outcomes = Fanout.run(items, 7, (item, i) -> {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      Thread.sleep(5);
      inFlight.decrementAndGet();
      if (item % 10 == 3) throw new IllegalStateException("item " + item);
      return item * 2;
    }, done -> { });
    assertEquals(60, outcomes.size());
    assertTrue(maxInFlight.get() <= 7, "max in flight " + maxInFlight.get());
    assertTrue(maxInFlight.get() > 1, "ran in parallel");
    assertEquals(6, outcomes.stream().filter(o -> !o.ok()).count());
    assertEquals(8, outcomes.get(4).result());
    assertEquals("item 13", outcomes.get(13).failure().getMessage());
  }

  @Test
  void retryBacksOffExponentiallyWithBoundedJitter() {
    var policy = new RetryPolicy(5, Duration.ofSeconds(2));
    var random = new SplittableRandom(42);
    assertEquals(Duration.ZERO, policy.delayBefore(1, random));
    for (int attempt = 2; attempt <= 5; attempt++) {
      long expected = 2000L << (attempt - 2);
      long got = policy.delayBefore(attempt, random).toMillis();
      assertTrue(got >= expected * 0.75 && got <= expected * 1.25, attempt + ": " + got);
    }
    var delays = IntStream.range(0, 20).mapToObj(i -> policy.delayBefore(3, random)).distinct().count();
    assertTrue(delays > 1, "jitter varies the delay");
    assertTrue(new RetryPolicy(40, Duration.ofMinutes(5)).delayBefore(40, random).compareTo(Duration.ofMinutes(13)) < 0);
  }

  @Test
  void timeoutInterruptsTheBodyAndSaysWhat() {
    var interrupted = new CountDownLatch(1);
    var e = assertThrows(Timeouts.StepTimeoutException.class, () -> Timeouts.run(Duration.ofMillis(100), "step \"slow\"", () -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException ie) {
        interrupted.countDown();
      }
      return null;
    }));
    assertEquals("step \"slow\" did not finish within 100ms", e.getMessage());
    assertTrue(awaitQuietly(interrupted));
  }

  @Test
  void timeoutPassesResultsAndFailuresThrough() throws Exception {
    assertEquals(3, Timeouts.run(Duration.ofSeconds(5), "x", () -> 3));
    var e = assertThrows(IllegalArgumentException.class,
        () -> Timeouts.run(Duration.ofSeconds(5), "x", () -> { throw new IllegalArgumentException("boom"); }));
    assertEquals("boom", e.getMessage());
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      return false;
    }
  }
}
