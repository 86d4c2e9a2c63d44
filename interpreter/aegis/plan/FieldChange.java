package aegis.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a planned action's diff: live value {@code before}, desired value {@code after}.
 *
 * @param path      where the field is: {@code spec.replicas},
 *                  {@code spec.template.spec.containers[name=api].image},
 *                  {@code metadata.labels["app.kubernetes.io/name"]}, {@code args[0]}; empty for a
 *                  value that is not a tree
 * @param before    the live value (a JSON null is {@code NullNode}); {@code null} when the field is {@link Kind#ADDED}
 * @param after     the desired value (a JSON null is {@code NullNode}); {@code null} when the field is {@link Kind#REMOVED}; may be the
 *                  {@link PlanValues#unknown unknown} marker
 * @param sensitive the values are secret: {@code before} and {@code after} are then the
 *                  {@link PlanValues#sensitive sensitive} marker (or null), never the values
 */
public record FieldChange(String path, Kind kind, JsonNode before, JsonNode after, boolean sensitive) {

  /** What happened to the field. */
  public enum Kind {
    @JsonProperty("added") ADDED,
    @JsonProperty("changed") CHANGED,
    @JsonProperty("removed") REMOVED
  }

  public FieldChange {
    if (path == null || kind == null) throw new IllegalArgumentException("a field change needs a path and a kind");
    // The side that exists is always written, a JSON null as `null` (a field set to null, a null
    // argument); the side that does not is left out.
    before = kind == Kind.ADDED ? null : present(before);
    after = kind == Kind.REMOVED ? null : present(after);
    if (sensitive) {
      before = before == null ? null : PlanValues.sensitive();
      after = after == null ? null : PlanValues.sensitive();
    }
  }

  private static JsonNode present(JsonNode node) {
    return node == null || node.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : node;
  }

  /** The desired value is known only after apply. */
  public boolean afterUnknown() {
    return PlanValues.isUnknown(after);
  }
}
