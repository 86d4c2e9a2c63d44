package aegis.adapters.neo4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/**
 * Neo4j values as plain Java ({@code Long}, {@code Double}, {@code Boolean}, {@code String},
 * {@code List}, {@code Map} with sorted keys, temporal types) and as the text rows of
 * {@code neo4j.query}: scalars as written, lists, maps, nodes and relationships as JSON.
 */
final class Neo4jTypes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Neo4jTypes() {}

  static Map<String, Object> row(Record r) {
    var m = new LinkedHashMap<String, Object>();
    for (var key : r.keys()) m.put(key, plain(r.get(key).asObject()));
    return m;
  }

  /** Nodes become {@code {labels, properties}}, relationships {@code {type, properties}}, paths their nodes. */
  static Object plain(Object v) {
    return switch (v) {
      case null -> null;
      case Node n -> {
        var m = new LinkedHashMap<String, Object>();
        m.put("labels", List.copyOf((java.util.Collection<String>) n.labels()));
        m.put("properties", plain(n.asMap()));
        yield m;
      }
      case Relationship r -> {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", r.type());
        m.put("properties", plain(r.asMap()));
        yield m;
      }
      case Path p -> {
        var nodes = new java.util.ArrayList<Object>();
        p.nodes().forEach(n -> nodes.add(plain(n)));
        yield nodes;
      }
      case Map<?, ?> map -> {
        // Sorted: Neo4j gives properties in no particular order, and a row's text must not change between runs.
        var m = new java.util.TreeMap<String, Object>();
        map.forEach((k, x) -> m.put(String.valueOf(k), plain(x)));
        yield m;
      }
      case List<?> list -> list.stream().map(Neo4jTypes::plain).toList();
      default -> v;
    };
  }

  /** One column as text; null stays null (the row leaves it out). */
  static String text(Object v) {
    return switch (v) {
      case null -> null;
      case String s -> s;
      case Map<?, ?> m -> json(m);
      case List<?> l -> json(l);
      default -> v.toString();
    };
  }

  private static String json(Object v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      return v.toString();
    }
  }
}
