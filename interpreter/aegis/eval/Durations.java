package aegis.eval;

import java.time.Duration;

/** Formats durations the way aegis source writes them: {@code 250ms}, {@code 30s}, {@code 1h30m}, {@code 7d}. */
public final class Durations {
  private Durations() {}

  public static String format(Duration d) {
    if (d.isZero()) return "0s";
    if (d.isNegative()) return "-" + format(d.negated());
    var sb = new StringBuilder();
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    long seconds = d.toSecondsPart();
    long millis = d.toMillisPart();
    if (days > 0) sb.append(days).append('d');
    if (hours > 0) sb.append(hours).append('h');
    if (minutes > 0) sb.append(minutes).append('m');
    if (seconds > 0) sb.append(seconds).append('s');
    if (millis > 0) sb.append(millis).append("ms");
    if (sb.isEmpty()) sb.append(d.toNanos() / 1000).append("us");
    return sb.toString();
  }
}
