package aegis.cli;

import aegis.diagnostics.Diagnostic;
import aegis.syntax.Span;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * {@code aegis check --format json}: one stable document for editors and CI. Every diagnostic is
 * included (no cap). Fields are only ever added, never renamed; {@code schemaVersion} changes if
 * that promise is ever broken.
 * <pre>
 * {"schemaVersion": 1,
 *  "files": [{"path", "status": "checked|rejected", "errors", "warnings"}],
 *  "diagnostics": [{"code", "severity", "summary", "path", "line", "column", "endLine", "endColumn",
 *                   "message", "hints": [...], "related": [{"path", "line", "column", "message"}]}],
 *  "summary": {"files", "checked", "rejected", "errors", "warnings", "exitCode"}}
 * </pre>
 * Lines and columns are 1-based; columns count code points; the end is exclusive.
 */
final class JsonReport {
  static final int SCHEMA_VERSION = 1;

  private JsonReport() {}

  static void write(CheckReport report, Writer out) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("schemaVersion", SCHEMA_VERSION);
      json.writeArrayFieldStart("files");
      for (FileReport file : report.files()) {
        json.writeStartObject();
        json.writeStringField("path", file.path());
        json.writeStringField("status", file.status().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("errors", file.errors());
        json.writeNumberField("warnings", file.warnings());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("diagnostics");
      for (FileReport file : report.files()) {
        for (Diagnostic d : file.diagnostics()) diagnostic(json, d);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("files", report.files().size());
      json.writeNumberField("checked", report.checked());
      json.writeNumberField("rejected", report.rejected());
      json.writeNumberField("errors", report.errors());
      json.writeNumberField("warnings", report.warnings());
      json.writeNumberField("exitCode", report.exitCode().code());
      json.writeEndObject();
      json.writeEndObject();
    }
    out.write("\n");
  }

  private static void diagnostic(JsonGenerator json, Diagnostic d) throws IOException {
    Span span = d.span();
    json.writeStartObject();
    json.writeStringField("code", d.code().name());
    json.writeStringField("severity", d.severity().label());
    json.writeStringField("summary", d.code().summary());
    json.writeStringField("path", span.file().name());
    json.writeNumberField("line", span.line());
    json.writeNumberField("column", span.column());
    json.writeNumberField("endLine", span.endLine());
    json.writeNumberField("endColumn", span.endColumn());
    json.writeStringField("message", d.message());
    json.writeArrayFieldStart("hints");
    for (String hint : d.hints()) json.writeString(hint);
    json.writeEndArray();
    json.writeArrayFieldStart("related");
    for (Diagnostic.Related r : d.related()) {
      json.writeStartObject();
      json.writeStringField("path", r.span().file().name());
      json.writeNumberField("line", r.span().line());
      json.writeNumberField("column", r.span().column());
      json.writeStringField("message", r.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
