package aegis.plan;

import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSON form of a {@link Plan}: what {@code --out plan.json} and {@code --format json} write and
 * {@code aegis apply} reads. Reading then writing gives back the same plan. Property names are
 * camelCase, enums lowercase, absent values are left out, {@code createdAt} is ISO-8601 UTC.
 */
public final class PlanJson {
  /** The JSON Schema (draft 2020-12) of plan documents, as a classpath resource. */
  public static final String SCHEMA_RESOURCE = "schema/plan-v1.schema.json";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new SimpleModule("aegis-plan")
          .addSerializer(Instant.class, new InstantSerializer())
          .addDeserializer(Instant.class, new InstantDeserializer())
          .addSerializer(Effect.class, new EffectSerializer())
          .addDeserializer(Effect.class, new EffectDeserializer()))
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  /** A plan file that cannot be read back, with a message that says where and why. */
  public static final class InvalidPlanException extends Exception {
    public InvalidPlanException(String message) {
      super(message);
    }
  }

  private PlanJson() {}

  /** The plan as indented JSON, ending with a newline. */
  public static String write(Plan plan) {
    try {
      return MAPPER.writeValueAsString(plan) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException("a plan always serializes: " + e.getOriginalMessage(), e);
    }
  }

  /** The plan as a JSON tree (e.g. to embed it in another document). */
  public static JsonNode toTree(Plan plan) {
    return MAPPER.valueToTree(plan);
  }

  /** Reads a plan written by {@link #write}; refuses other schema versions and malformed documents. */
  public static Plan read(String json) throws InvalidPlanException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidPlanException("not JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) throw new InvalidPlanException("not an aegis plan: the document is not a JSON object");
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new InvalidPlanException("not an aegis plan: it has no `schemaVersion`");
    }
    if (version.asInt() != Plan.SCHEMA_VERSION) {
      throw new InvalidPlanException("plan schema version " + version.asInt() + " is not supported; this aegis reads version "
          + Plan.SCHEMA_VERSION + " (make the plan again with this aegis)");
    }
    try {
      return MAPPER.treeToValue(tree, Plan.class);
    } catch (JacksonException e) {
      throw new InvalidPlanException("not a valid aegis plan: " + firstLine(e.getOriginalMessage()) + pathOf(e));
    } catch (IllegalArgumentException e) {
      throw new InvalidPlanException("not a valid aegis plan: " + e.getMessage());
    }
  }

  private static String pathOf(JacksonException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
      var b = new StringBuilder();
      for (var ref : m.getPath()) {
        if (ref.getFieldName() != null) b.append('.').append(ref.getFieldName());
        else if (ref.getIndex() >= 0) b.append('[').append(ref.getIndex()).append(']');
      }
      return b.isEmpty() ? "" : " (at " + b.substring(b.charAt(0) == '.' ? 1 : 0) + ")";
    }
    return "";
  }

  private static String at(JsonLocation where) {
    return where == null || where.getLineNr() < 1 ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  private static String firstLine(String s) {
    if (s == null) return "malformed";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      try {
        return Instant.parse(p.getValueAsString());
      } catch (DateTimeParseException | NullPointerException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), "expected an ISO-8601 instant such as 2026-11-12T10:00:00Z");
      }
    }
  }

  private static final class EffectSerializer extends JsonSerializer<Effect> {
    @Override
    public void serialize(Effect value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(value.keyword());
    }
  }

  private static final class EffectDeserializer extends JsonDeserializer<Effect> {
    @Override
    public Effect deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      for (Effect e : Effect.values()) if (e.keyword().equals(text)) return e;
      return (Effect) ctxt.handleWeirdStringValue(Effect.class, text, "expected one of pure, read, write, destructive");
    }
  }
}
