package aegis.types;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** The units of number literals: which make a {@code Duration}, which a {@code Quantity} ({@code m} makes both). */
public final class UnitLiterals {
  private UnitLiterals() {}

  private static final Map<String, Long> DURATION_MILLIS = Map.of(
      "ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L, "d", 86_400_000L);

  private static final Set<String> QUANTITY_UNITS = Set.of(
      "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");

  public static boolean isDurationUnit(String unit) { return DURATION_MILLIS.containsKey(unit); }

  public static boolean isQuantityUnit(String unit) { return QUANTITY_UNITS.contains(unit); }

  /** The length of a duration literal in milliseconds, or null when it is not a whole number of them. */
  public static Long durationMillis(BigDecimal number, String unit) {
    var factor = DURATION_MILLIS.get(unit);
    if (factor == null) return null;
    try {
      return number.multiply(BigDecimal.valueOf(factor)).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
