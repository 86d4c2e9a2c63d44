package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Multi-document YAML to Kubernetes objects: every non-empty document must be a mapping with
 * {@code apiVersion}, {@code kind} and {@code metadata.name}; {@code kind: List} documents are
 * flattened. A Secret's {@code stringData} is folded into {@code data} here, as the API server
 * does, so that plans compare like with like.
 */
public final class Manifests {
  private Manifests() {}

  /** The objects of {@code yaml}, in order. Fails naming the document and what is wrong with it. */
  public static List<ObjectNode> parse(String yaml, String source) {
    var settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false).build();
    var out = new ArrayList<ObjectNode>();
    int doc = 0;
    try {
      for (Object document : new Load(settings).loadAllFromString(yaml)) {
        doc++;
        if (document == null) continue;
        if (!(document instanceof Map<?, ?>)) {
          throw invalid(source, doc, "is not a mapping (found " + document.getClass().getSimpleName().toLowerCase() + ")");
        }
        JsonNode node = Json.MAPPER.valueToTree(document);
        if ("List".equals(Json.text(node, "kind")) && node.get("items") != null && node.get("items").isArray()) {
          for (JsonNode item : node.get("items")) out.add(validated(item, source, doc));
        } else {
          out.add(validated(node, source, doc));
        }
      }
    } catch (YamlEngineException e) {
      throw new AdapterException("kubernetes", source + ": invalid YAML: " + e.getMessage());
    }
    return out;
  }

  private static ObjectNode validated(JsonNode node, String source, int doc) {
    if (!(node instanceof ObjectNode obj)) throw invalid(source, doc, "holds an item that is not a mapping");
    for (String field : new String[] {"apiVersion", "kind"}) {
      if (Json.text(obj, field) == null) throw invalid(source, doc, "has no `" + field + "`");
    }
    if (Json.text(obj, "metadata", "name") == null) {
      throw invalid(source, doc, "(" + obj.get("kind").asText() + ") has no `metadata.name`");
    }
    if ("Secret".equals(obj.get("kind").asText()) && obj.get("stringData") instanceof ObjectNode plain) {
      var data = Json.object(obj, "data");
      plain.properties().forEach(e -> data.put(e.getKey(),
          Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
      obj.remove("stringData");
    }
    return obj;
  }

  private static AdapterException invalid(String source, int doc, String problem) {
    return new AdapterException("kubernetes", source + ": document " + doc + " " + problem);
  }

  /** The object's reference, with {@code namespace} when it is namespaced. */
  static ObjectRef ref(JsonNode obj) {
    return new ObjectRef(Json.text(obj, "apiVersion"), Json.text(obj, "kind"), Json.text(obj, "metadata", "namespace"),
        Json.text(obj, "metadata", "name"));
  }
}
