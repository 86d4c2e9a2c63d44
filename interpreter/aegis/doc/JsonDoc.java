package aegis.doc;

import aegis.doc.ModuleDoc.ConstantDoc;
import aegis.doc.ModuleDoc.EnumDoc;
import aegis.doc.ModuleDoc.FieldDoc;
import aegis.doc.ModuleDoc.FunctionDoc;
import aegis.doc.ModuleDoc.RecordDoc;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code aegis doc --format json}, for editors and tools. Fields are only ever added;
 * {@code schemaVersion} changes if that promise is ever broken. Absent documentation and defaults
 * are {@code null}.
 * <pre>
 * aegis doc:        {"schemaVersion": 1, "modules": [{"name", "summary"}]}
 * aegis doc MODULE: {"schemaVersion": 1, "module": {"name", "summary", "doc",
 *   "records": [{"name", "doc", "fields": [{"name", "type", "default", "doc"}]}],
 *   "enums": [{"name", "doc", "members": [...]}],
 *   "functions": [{"name", "effect": "pure|read|write|destructive", "external", "signature",
 *                  "declaration", "doc"}],
 *   "constants": [{"name", "type", "doc"}]}}
 * </pre>
 */
public final class JsonDoc {
  static final int SCHEMA_VERSION = 1;

  private JsonDoc() {}

  public static void list(List<ModuleDoc> modules, Writer out) throws IOException {
    try (JsonGenerator json = generator(out)) {
      json.writeStartObject();
      json.writeNumberField("schemaVersion", SCHEMA_VERSION);
      json.writeArrayFieldStart("modules");
      for (var m : modules) {
        json.writeStartObject();
        json.writeStringField("name", m.name());
        json.writeStringField("summary", m.summary());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write("\n");
  }

  public static void module(ModuleDoc m, Writer out) throws IOException {
    try (JsonGenerator json = generator(out)) {
      json.writeStartObject();
      json.writeNumberField("schemaVersion", SCHEMA_VERSION);
      json.writeObjectFieldStart("module");
      json.writeStringField("name", m.name());
      json.writeStringField("summary", m.summary());
      json.writeStringField("doc", m.doc().isEmpty() ? null : m.doc());
      json.writeArrayFieldStart("records");
      for (RecordDoc r : m.records()) record(json, r);
      json.writeEndArray();
      json.writeArrayFieldStart("enums");
      for (EnumDoc e : m.enums()) {
        json.writeStartObject();
        json.writeStringField("name", e.name());
        json.writeStringField("doc", e.doc());
        json.writeArrayFieldStart("members");
        for (String member : e.members()) json.writeString(member);
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("functions");
      for (FunctionDoc f : m.functions()) {
        json.writeStartObject();
        json.writeStringField("name", f.name());
        json.writeStringField("effect", f.effect().keyword());
        json.writeBooleanField("external", f.external());
        json.writeStringField("signature", f.signature());
        json.writeStringField("declaration", f.declaration());
        json.writeStringField("doc", f.doc());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("constants");
      for (ConstantDoc c : m.constants()) {
        json.writeStartObject();
        json.writeStringField("name", c.name());
        json.writeStringField("type", c.type());
        json.writeStringField("doc", c.doc());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }
    out.write("\n");
  }

  private static void record(JsonGenerator json, RecordDoc r) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", r.name());
    json.writeStringField("doc", r.doc());
    json.writeArrayFieldStart("fields");
    for (FieldDoc f : r.fields()) {
      json.writeStartObject();
      json.writeStringField("name", f.name());
      json.writeStringField("type", f.type());
      json.writeStringField("default", f.defaultValue());
      json.writeStringField("doc", f.doc());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator json = new JsonFactory().createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.useDefaultPrettyPrinter();
    return json;
  }
}
