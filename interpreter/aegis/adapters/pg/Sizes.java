package aegis.adapters.pg;

import java.util.Locale;

/** Byte counts for people: {@code 0 B}, {@code 912 kB}, {@code 1.3 GB} (PostgreSQL's pg_size_pretty units). */
final class Sizes {
  private Sizes() {}

  static String bytes(long n) {
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
    double v = n;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? n + " B" : String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }
}
