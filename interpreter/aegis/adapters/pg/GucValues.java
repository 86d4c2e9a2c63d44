package aegis.adapters.pg;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares a setting as written in a configuration file ({@code 1GB}, {@code 5min}, {@code on})
 * with its value in force as {@code pg_settings.setting} shows it (a number in the setting's
 * {@code unit}, e.g. {@code 1024} with unit {@code MB}), the way PostgreSQL's GUC parser reads it.
 */
final class GucValues {
  private GucValues() {}

  private static final Pattern NUMBER = Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)\\s*");
  private static final Map<String, Double> MEMORY = Map.of("B", 1.0, "kB", 1024.0, "MB", 1024.0 * 1024, "GB", 1024.0 * 1024 * 1024,
      "TB", 1024.0 * 1024 * 1024 * 1024);
  private static final Map<String, Double> TIME = Map.of("us", 1.0, "ms", 1e3, "s", 1e6, "min", 6e7, "h", 3.6e9, "d", 8.64e10);

  static boolean same(String written, String inForce, String unit, String vartype) {
    if (written == null || inForce == null) return written == inForce;
    return switch (vartype) {
      case "bool" -> bool(written).equals(bool(inForce));
      case "integer", "real" -> close(number(written, unit), number(inForce, unit));
      default -> written.strip().equalsIgnoreCase(inForce.strip());
    };
  }

  private static boolean close(double a, double b) { return Math.abs(a - b) < 0.5 || Math.abs(a - b) <= 1e-9 * Math.abs(b); }

  private static String bool(String v) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1", "t", "y" -> "on";
      case "off", "false", "no", "0", "f", "n" -> "off";
      default -> v;
    };
  }

  /** The value in the setting's unit; NaN when it is not a number PostgreSQL would accept. */
  private static double number(String v, String unit) {
    var m = NUMBER.matcher(v);
    if (!m.matches()) return Double.NaN;
    double n = Double.parseDouble(m.group(1));
    var written = m.group(2);
    if (written.isEmpty() || unit == null) return n;
    double base = factor(unit);
    var table = MEMORY.containsKey(written) ? MEMORY : TIME;
    var f = table.get(written);
    return f == null || Double.isNaN(base) ? Double.NaN : n * f / base;
  }

  /** The size of one unit of a setting: {@code 8kB} is 8192 bytes, {@code min} 60e6 microseconds. */
  private static double factor(String unit) {
    var m = NUMBER.matcher(unit);
    if (m.matches()) return Double.parseDouble(m.group(1)) * lookup(m.group(2));
    return lookup(unit);
  }

  private static double lookup(String unit) {
    var f = MEMORY.getOrDefault(unit, TIME.get(unit));
    return f == null ? Double.NaN : f;
  }
}
