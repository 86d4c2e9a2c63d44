package aegis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values as JSON for plans, the journal and {@code --format json}. Secrets become the plan's
 * sensitive marker and unknowns its unknown marker with their origin ({@link aegis.plan.PlanValues}):
 * a secret's text never reaches JSON.
 */
public final class ValueJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ValueJson() {}

  public static JsonNode toJson(Value value) {
    return switch (value) {
      case Value.Int i -> NODES.numberNode(i.value());
      case Value.Float f -> NODES.numberNode(f.value());
      case Value.Bool b -> NODES.booleanNode(b.value());
      case Value.Str s -> NODES.textNode(s.value());
      case Value.Dur d -> NODES.textNode(d.show());
      case Value.Qty q -> NODES.textNode(q.text());
      case Value.Secret s -> aegis.plan.PlanValues.sensitive();
      case Value.Unknown u -> aegis.plan.PlanValues.unknown(u.origin());
      case Value.Null n -> NODES.nullNode();
      case Value.EnumV e -> NODES.textNode(e.member());
      case Value.Fn f -> NODES.textNode(f.show());
      case Value.ListV l -> {
        ArrayNode arr = NODES.arrayNode();
        l.items().forEach(v -> arr.add(toJson(v)));
        yield arr;
      }
      case Value.MapV m -> {
        ObjectNode obj = NODES.objectNode();
        m.entries().forEach((k, v) -> obj.set(k, toJson(v)));
        yield obj;
      }
      case Value.Rec r -> {
        ObjectNode obj = NODES.objectNode();
        r.fields().forEach((k, v) -> obj.set(k, toJson(v)));
        yield obj;
      }
    };
  }

  /** True when any part of the value is unknown until apply. */
  public static boolean containsUnknown(Value value) {
    return switch (value) {
      case Value.Unknown u -> true;
      case Value.ListV l -> l.items().stream().anyMatch(ValueJson::containsUnknown);
      case Value.MapV m -> m.entries().values().stream().anyMatch(ValueJson::containsUnknown);
      case Value.Rec r -> r.fields().values().stream().anyMatch(ValueJson::containsUnknown);
      default -> false;
    };
  }
}
