package aegis.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Map;

/** Unit literals: Kubernetes quantities ({@code 2000m}, {@code 4Gi}) and durations ({@code 30s}, {@code 10m}). */
public final class Quantities {
  private static final Map<String, BigDecimal> QUANTITY_SUFFIXES = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("n", new BigDecimal("1e-9")),
      Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")),
      Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")),
      Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")),
      Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")),
      Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
      Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
      Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
      Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
      Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
      Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantities() {}

  public static boolean isQuantitySuffix(String unit) { return QUANTITY_SUFFIXES.containsKey(unit); }

  public static boolean isDurationUnit(String unit) {
    return switch (unit) {
      case "ms", "s", "m", "h", "d" -> true;
      default -> false;
    };
  }

  /** A quantity from a number and a suffix; the text keeps the form written. */
  public static Value.Qty quantity(BigDecimal number, String unit) {
    var factor = QUANTITY_SUFFIXES.get(unit);
    if (factor == null) throw new IllegalArgumentException("not a quantity suffix: " + unit);
    return new Value.Qty(number.multiply(factor, MathContext.DECIMAL128).stripTrailingZeros(), number.toPlainString() + unit);
  }

  /** Parses a Kubernetes quantity string such as {@code "500m"} or {@code "8Gi"}. */
  public static Value.Qty parseQuantity(String text) {
    String t = text.strip();
    int i = t.length();
    while (i > 0 && Character.isLetter(t.charAt(i - 1))) i--;
    return quantity(new BigDecimal(t.substring(0, i)), t.substring(i));
  }

  public static Duration duration(BigDecimal number, String unit) {
    BigDecimal millis = switch (unit) {
      case "ms" -> number;
      case "s" -> number.multiply(BigDecimal.valueOf(1_000));
      case "m" -> number.multiply(BigDecimal.valueOf(60_000));
      case "h" -> number.multiply(BigDecimal.valueOf(3_600_000));
      case "d" -> number.multiply(BigDecimal.valueOf(86_400_000));
      default -> throw new IllegalArgumentException("not a duration unit: " + unit);
    };
    return Duration.ofNanos(millis.multiply(BigDecimal.valueOf(1_000_000)).longValue());
  }

  /** Parses {@code "30s"}, {@code "1h30m"}, {@code "250ms"}. */
  public static Duration parseDuration(String text) {
    var total = Duration.ZERO;
    int i = 0;
    String t = text.strip();
    if (t.isEmpty()) throw new IllegalArgumentException("empty duration");
    while (i < t.length()) {
      int start = i;
      while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
      int unitStart = i;
      while (i < t.length() && Character.isLetter(t.charAt(i))) i++;
      if (start == unitStart || unitStart == i) throw new IllegalArgumentException("not a duration: " + text);
      total = total.plus(duration(new BigDecimal(t.substring(start, unitStart)), t.substring(unitStart, i)));
    }
    return total;
  }
}
