package aegis.adapters.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Bridges fabric8's objects (Jackson 3 inside) and the Jackson 2 trees plans are made of, through
 * JSON text: the two Jackson generations share no types.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  /**
   * fabric8's JSON codec, one for the adapter and every client it builds (thread-safe): its set-up
   * (a Jackson mapper and the registry of every model kind) and the deserializers it builds for
   * what the adapter reads are paid once per process.
   */
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Json() {}

  static ObjectNode tree(Object fabric8Object) {
    if (fabric8Object == null) return null;
    try {
      return (ObjectNode) MAPPER.readTree(SERIALIZATION.asJson(fabric8Object));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fabric8 wrote JSON Jackson cannot read", e);
    }
  }

  static GenericKubernetesResource generic(JsonNode tree) {
    return SERIALIZATION.unmarshal(text(tree), GenericKubernetesResource.class);
  }

  static String text(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** {@code node.path(a).path(b)...} as text, or null when absent or not text. */
  static String text(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) n = n == null ? null : n.get(p);
    return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  /** The object at {@code field}, created when missing. */
  static ObjectNode object(ObjectNode parent, String field) {
    return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
  }
}
