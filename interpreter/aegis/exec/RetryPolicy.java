package aegis.exec;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * {@code retry(attempts: N, backoff: D)}: up to N attempts in all; before attempt k (k >= 2) wait
 * D * 2^(k-2), with ±25% jitter so that parallel retries against one server spread out, capped at
 * {@link #MAX_DELAY}.
 */
public record RetryPolicy(int attempts, Duration backoff) {
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO);
  static final Duration MAX_DELAY = Duration.ofMinutes(10);
  private static final double JITTER = 0.25;

  public RetryPolicy {
    if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
    if (backoff.isNegative()) throw new IllegalArgumentException("backoff must not be negative");
  }

  /** The wait before {@code attempt} (2 for the first retry), jitter included. */
  public Duration delayBefore(int attempt, RandomGenerator random) {
    if (attempt < 2 || backoff.isZero()) return Duration.ZERO;
    long base = backoff.toMillis();
    int doublings = Math.min(attempt - 2, 30);
    double exponential = Math.min((double) base * (1L << doublings), MAX_DELAY.toMillis());
    double jittered = exponential * (1 - JITTER + 2 * JITTER * random.nextDouble());
    return Duration.ofMillis(Math.round(Math.min(jittered, MAX_DELAY.toMillis())));
  }
}
