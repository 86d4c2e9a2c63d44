package aegis.adapters;

import java.time.Duration;
import java.time.Instant;

/** How long one request of a built-in may take: its own limit, cut short by the step's deadline. */
public final class Deadlines {
  private Deadlines() {}

  /**
   * The smaller of {@code limit} and the time left until the step's deadline; fails, naming
   * {@code system}, when no time is left.
   */
  public static Duration timeLeft(CallContext ctx, Duration limit, String system) {
    var deadline = ctx.deadline();
    if (deadline == null) return limit;
    var left = Duration.between(Instant.now(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new AdapterException(system, "the step ran out of time before " + system + " could be called");
    }
    return left.compareTo(limit) < 0 ? left : limit;
  }
}
