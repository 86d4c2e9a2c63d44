package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis check --format json}: a document machines can rely on. */
class JsonOutputTest {
  @TempDir
  Path dir;

  CliRunner aegis;

  @BeforeEach
  void setUp() {
    aegis = new CliRunner(dir).interactive();
  }

  JsonNode json(CliRunner.Result r) throws IOException {
    assertFalse(r.out().contains("\u001b"), "no colour in JSON, even on a terminal");
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void diagnosticsHaveEveryField() throws IOException {
    Files.writeString(dir.resolve("broken.aegis"), CheckCommandTest.BROKEN);
    Files.writeString(dir.resolve("hello.aegis"), CheckCommandTest.CLEAN);
    var r = aegis.run("check", "--format", "json", "broken.aegis", "hello.aegis");
    assertEquals(ExitCode.FAILURE.code(), r.exit(), r::toString);
    JsonNode doc = json(r);
    assertEquals(JsonReport.SCHEMA_VERSION, doc.get("schemaVersion").asInt());

    JsonNode files = doc.get("files");
    assertEquals(2, files.size());
    assertEquals("broken.aegis", files.get(0).get("path").asText());
    assertEquals("checked", files.get(0).get("status").asText());
    assertEquals(1, files.get(0).get("errors").asInt());
    assertEquals(0, files.get(1).get("errors").asInt());

    JsonNode d = doc.get("diagnostics").get(0);
    assertTrue(d.get("code").asText().matches("AEG1\\d\\d"), d::toString);
    assertEquals("error", d.get("severity").asText());
    assertEquals("broken.aegis", d.get("path").asText());
    assertEquals(4, d.get("line").asInt());
    assertEquals(7, d.get("column").asInt());
    assertEquals(4, d.get("endLine").asInt());
    assertTrue(d.get("endColumn").asInt() >= 7, d::toString);
    assertFalse(d.get("message").asText().isBlank());
    assertTrue(d.get("hints").isArray());
    assertTrue(d.get("related").isArray());

    JsonNode summary = doc.get("summary");
    assertEquals(2, summary.get("files").asInt());
    assertEquals(2, summary.get("checked").asInt());
    assertEquals(0, summary.get("rejected").asInt());
    assertEquals(1, summary.get("errors").asInt());
    assertEquals(0, summary.get("warnings").asInt());
    assertEquals(1, summary.get("exitCode").asInt());
  }

  @Test
  void everyDiagnosticIsIncludedWithoutTheTextCap() throws IOException {
    Files.writeString(dir.resolve("big.aegis"), "runbook big \"Big\"\nstep \"s\" {\n" + "  check nope == 1 else fail \"x\"\n".repeat(120) + "}\n");
    JsonNode doc = json(aegis.run("check", "--format=json", "big.aegis"));
    assertEquals(120, doc.get("diagnostics").size());
    assertEquals(120, doc.get("summary").get("errors").asInt());
  }

  @Test
  void rejectedInputsAreFilesWithStatusRejected() throws IOException {
    Files.write(dir.resolve("bin.aegis"), new byte[] {1, 0, 2});
    var r = aegis.run("check", "--format", "json", "bin.aegis", "missing.aegis");
    assertEquals(ExitCode.BAD_INPUT.code(), r.exit(), r::toString);
    JsonNode doc = json(r);
    assertEquals(2, doc.get("summary").get("rejected").asInt());
    assertEquals(3, doc.get("summary").get("exitCode").asInt());
    for (JsonNode file : doc.get("files")) assertEquals("rejected", file.get("status").asText());
    var codes = new java.util.ArrayList<String>();
    doc.get("diagnostics").forEach(d -> codes.add(d.get("code").asText()));
    assertEquals(java.util.List.of("AEG100", "AEG108"), codes.stream().sorted().toList());
  }

  @Test
  void aCleanCheckIsAnEmptyListAndExitZero() throws IOException {
    Files.writeString(dir.resolve("hello.aegis"), CheckCommandTest.CLEAN);
    var r = aegis.run("check", "--format", "JSON", "hello.aegis");
    assertEquals(0, r.exit(), r::toString);
    JsonNode doc = json(r);
    assertEquals(0, doc.get("diagnostics").size());
    assertEquals(0, doc.get("summary").get("exitCode").asInt());
  }
}
