package aegis.adapters.prom;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code data} of a successful Prometheus query, by its {@code resultType}. Values are
 * doubles as Prometheus means them: {@code "NaN"}, {@code "+Inf"} and {@code "-Inf"} included.
 */
public sealed interface PromResult {

  /** {@code resultType: vector}: one sample per series at the evaluation time. */
  record Vector(List<Sample> samples) implements PromResult {
    public Vector { samples = List.copyOf(samples); }
  }

  /** {@code resultType: matrix}: a range of points per series. */
  record Matrix(List<Series> series) implements PromResult {
    public Matrix { series = List.copyOf(series); }
  }

  /** {@code resultType: scalar}. */
  record Scalar(Instant time, double value) implements PromResult {}

  /** {@code resultType: string}. */
  record Text(Instant time, String value) implements PromResult {}

  /** One series' value at one time. */
  record Sample(Map<String, String> labels, Instant time, double value) {
    public Sample { labels = sorted(labels); }
  }

  /** One series' points, oldest first. */
  record Series(Map<String, String> labels, List<Point> points) {
    public Series {
      labels = sorted(labels);
      points = List.copyOf(points);
    }
  }

  record Point(Instant time, double value) {}

  /** Labels by name, as Prometheus prints them. */
  private static Map<String, String> sorted(Map<String, String> labels) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /** A finite number: NaN (e.g. 0/0 of a rate without traffic) and infinities are not. */
  static boolean finite(double value) { return Double.isFinite(value); }
}
