package aegis.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/** Unit literals: Kubernetes quantities ({@code 2000m}, {@code 4Gi}) and durations ({@code 30s}, {@code 10m}). */
public final class Quantities {
  private Quantities() {}

  /**
   * What a quantity suffix multiplies by: {@code 10^exponent} for the decimal ones ({@code m},
   * {@code k}, {@code G}), {@code 2^exponent} for the binary ones ({@code Ki}, {@code Gi}); null
   * for anything else. No {@code BigDecimal} until a quantity is made: a check only asks whether a
   * suffix is one, and BigDecimal's class initializer costs a cold start about 10 ms on JDK 25.
   */
  private static Scale scale(String suffix) {
    return switch (suffix) {
      case "" -> new Scale(10, 0);
      case "n" -> new Scale(10, -9);
      case "u" -> new Scale(10, -6);
      case "m" -> new Scale(10, -3);
      case "k" -> new Scale(10, 3);
      case "M" -> new Scale(10, 6);
      case "G" -> new Scale(10, 9);
      case "T" -> new Scale(10, 12);
      case "P" -> new Scale(10, 15);
      case "E" -> new Scale(10, 18);
      case "Ki" -> new Scale(2, 10);
      case "Mi" -> new Scale(2, 20);
      case "Gi" -> new Scale(2, 30);
      case "Ti" -> new Scale(2, 40);
      case "Pi" -> new Scale(2, 50);
      case "Ei" -> new Scale(2, 60);
      default -> null;
    };
  }

  private record Scale(int base, int exponent) {
    BigDecimal factor() {
      return base == 10 ? BigDecimal.ONE.scaleByPowerOfTen(exponent) : BigDecimal.valueOf(1L << exponent);
    }
  }

  public static boolean isQuantitySuffix(String unit) { return scale(unit) != null; }

  public static boolean isDurationUnit(String unit) {
    return switch (unit) {
      case "ms", "s", "m", "h", "d" -> true;
      default -> false;
    };
  }

  /** A quantity from a number and a suffix; the text keeps the form written. */
  public static Value.Qty quantity(BigDecimal number, String unit) {
    var scale = scale(unit);
    if (scale == null) throw new IllegalArgumentException("not a quantity suffix: " + unit);
    return new Value.Qty(number.multiply(scale.factor(), MathContext.DECIMAL128).stripTrailingZeros(),
        number.toPlainString() + unit);
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
