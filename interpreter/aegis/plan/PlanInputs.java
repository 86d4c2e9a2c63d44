package aegis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The runbook's inputs (its {@code param}s after defaults and {@code --set}) as a plan stores them.
 *
 * @param values the inputs by name, secret ones replaced by the sensitive marker
 * @param hashes per input, the {@link Fingerprints#of salted hash} of the real value, so apply can
 *               tell which input changed without the plan holding secrets
 */
public record PlanInputs(ObjectNode values, Map<String, String> hashes) {
  public PlanInputs {
    values = values == null ? JsonNodeFactory.instance.objectNode() : values.deepCopy();
    hashes = hashes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(hashes));
  }

  /** Inputs from their real values; the names in {@code secret} are redacted. */
  public static PlanInputs of(ObjectNode real, Set<String> secret, Fingerprints fp) {
    ObjectNode shown = JsonNodeFactory.instance.objectNode();
    Map<String, String> hashes = new TreeMap<>();
    for (String name : PlanValues.keys(real)) {
      JsonNode value = real.get(name);
      shown.set(name, secret.contains(name) ? PlanValues.sensitive() : value.deepCopy());
      hashes.put(name, fp.of(value));
    }
    return new PlanInputs(shown, hashes);
  }
}
