package aegis.exec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A step's {@code timeout}: the body runs on a virtual thread; when time is up it is interrupted
 * (JDBC, HTTP and sleeps all answer interrupts) and the caller gets a {@link StepTimeoutException}.
 */
public final class Timeouts {
  private Timeouts() {}

  /** Thrown when a step or a wait runs out of time. */
  public static final class StepTimeoutException extends RuntimeException {
    public StepTimeoutException(String message) { super(message); }
  }

  public static <T> T run(Duration limit, String what, Callable<T> body) throws Exception {
    if (limit == null) return body.call();
    var future = new FutureTask<>(body);
    // Not an executor with try-with-resources: its close() would wait for a body that ignores the interrupt.
    Thread.ofVirtual().name("aegis-timed-" + what).start(future);
    try {
      return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new StepTimeoutException(what + " did not finish within " + aegis.eval.Durations.format(limit));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception ex) throw ex;
      throw (Error) e.getCause();
    }
  }
}
