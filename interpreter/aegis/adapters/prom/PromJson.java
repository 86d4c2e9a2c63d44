package aegis.adapters.prom;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the documented JSON of Prometheus' query API: {@code {"status": "success", "data":
 * {"resultType": ..., "result": ...}, "warnings": [...]}}. Sample values are strings
 * ({@code "0.5"}, {@code "NaN"}, {@code "+Inf"}), times are seconds as floats.
 */
final class PromJson {
  private PromJson() {}

  /** Thrown for JSON that is not the shape the API documents; the message says which part. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) { super(message, null, false, false); }
  }

  static PromResult result(JsonNode data) {
    var result = data.path("result");
    return switch (data.path("resultType").asText("")) {
      case "vector" -> {
        var samples = new ArrayList<PromResult.Sample>();
        for (var s : array(result, "result")) {
          var value = s.path("value");
          samples.add(new PromResult.Sample(labels(s.path("metric")), time(value.path(0)), number(value.path(1))));
        }
        yield new PromResult.Vector(samples);
      }
      case "matrix" -> {
        var series = new ArrayList<PromResult.Series>();
        for (var s : array(result, "result")) {
          var points = new ArrayList<PromResult.Point>();
          for (var p : array(s.path("values"), "values")) points.add(new PromResult.Point(time(p.path(0)), number(p.path(1))));
          series.add(new PromResult.Series(labels(s.path("metric")), points));
        }
        yield new PromResult.Matrix(series);
      }
      case "scalar" -> new PromResult.Scalar(time(result.path(0)), number(result.path(1)));
      case "string" -> new PromResult.Text(time(result.path(0)), result.path(1).asText());
      case "" -> throw new Malformed("the answer has no data.resultType");
      default -> throw new Malformed("unsupported resultType `" + data.path("resultType").asText() + "`");
    };
  }

  static List<String> strings(JsonNode array) {
    var list = new ArrayList<String>();
    if (array.isArray()) array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /** Prometheus' number text: {@code 1.5}, {@code NaN}, {@code +Inf}, {@code -Inf}. */
  static double number(JsonNode node) {
    if (!node.isTextual()) throw new Malformed("a sample value is not a string");
    return switch (node.asText()) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
          throw new Malformed("a sample value `" + node.asText() + "` is not a number");
        }
      }
    };
  }

  private static Instant time(JsonNode node) {
    if (!node.isNumber()) throw new Malformed("a sample time is not a number");
    var millis = node.decimalValue().multiply(BigDecimal.valueOf(1000)).longValue();
    return Instant.ofEpochMilli(millis);
  }

  static Map<String, String> labels(JsonNode metric) {
    var labels = new LinkedHashMap<String, String>();
    metric.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static Iterable<JsonNode> array(JsonNode node, String name) {
    if (!node.isArray()) throw new Malformed("`" + name + "` is not a list");
    return node;
  }
}
