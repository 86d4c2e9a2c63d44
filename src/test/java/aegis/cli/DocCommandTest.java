package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.types.ModuleRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aegis doc}: the module list, one module in text (against a golden file) and JSON, module
 * files, and the mistakes a person makes. Regenerate the golden file with {@code -Dgolden.update=true}.
 */
class DocCommandTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/doc/http.txt");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TempDir
  Path dir;

  CliRunner aegis;

  @BeforeEach
  void setUp() {
    aegis = new CliRunner(dir);
  }

  @Test
  void withoutAModuleItListsEveryStdlibModuleWithItsSummary() {
    var r = aegis.run("doc");
    assertEquals(ExitCode.OK.code(), r.exit(), r::toString);
    for (String name : ModuleRegistry.standard().stdlibNames()) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + name + " ")), () -> name + " missing:\n" + r.out());
    }
    assertTrue(r.out().contains("  http      HTTP calls and TLS certificate inspection, for health checks and certificate checks.\n"),
        r::toString);
    assertTrue(r.out().lines().allMatch(l -> l.length() <= 100), "summaries are cut to fit a terminal:\n" + r.out());
    assertEquals("", r.err());
  }

  @Test
  void aModuleInTextIsItsGoldenFile() throws IOException {
    var r = aegis.run("doc", "http");
    assertEquals(ExitCode.OK.code(), r.exit(), r::toString);
    if (UPDATE) Files.writeString(GOLDEN, r.out(), StandardCharsets.UTF_8);
    assertEquals(Files.readString(GOLDEN), r.out());
  }

  @Test
  void recordsShowDefaultsAndEnumsTheirMembersAndPureFunctionsNoEffect() {
    var core = aegis.run("doc", "core");
    assertEquals(ExitCode.OK.code(), core.exit(), core::toString);
    assertTrue(core.out().contains("\nrecord Service\n"), core::toString);
    assertTrue(core.out().contains("\n    kind: WorkloadKind = WorkloadKind.Deployment\n"), core::toString);
    assertTrue(core.out().contains("\n    port: Int = 8080\n"), core::toString);

    var notify = aegis.run("doc", "notify");
    assertTrue(notify.out().contains("\nenum notify.Severity { Critical, High, Medium, Low }\n"), notify::toString);
    assertTrue(notify.out().contains("\nfn notify.level(e: Escalation, severity: notify.Severity) -> EscalationLevel\n"),
        notify::toString);
    assertTrue(notify.out().contains("\nwrite fn notify.mail("), notify::toString);
  }

  @Test
  void jsonHasTheSameDeclarationsForTools() throws IOException {
    var r = aegis.run("doc", "http", "--format", "json");
    assertEquals(ExitCode.OK.code(), r.exit(), r::toString);
    JsonNode module = new ObjectMapper().readTree(r.out()).get("module");
    assertEquals("http", module.get("name").asText());
    assertEquals("HTTP calls and TLS certificate inspection, for health checks and certificate checks.",
        module.get("summary").asText());
    var response = module.get("records").get(0);
    assertEquals("http.Response", response.get("name").asText());
    assertEquals("status", response.get("fields").get(2).get("name").asText());
    assertEquals("Int", response.get("fields").get(2).get("type").asText());
    assertTrue(response.get("fields").get(2).get("default").isNull());
    var functions = new ArrayList<String>();
    module.get("functions").forEach(f -> functions.add(f.get("name").asText() + " " + f.get("effect").asText()));
    assertEquals(java.util.List.of("http.get read", "http.head read", "http.post write", "http.tlsCertificate read"), functions);
    var get = module.get("functions").get(0);
    assertEquals("(url: String, headers: Map<String, Secret> = {}, timeout: Duration = 10s) -> http.Response",
        get.get("signature").asText());
    assertTrue(get.get("external").asBoolean());
    assertTrue(get.get("doc").asText().startsWith("`GET url`."));

    var list = new ObjectMapper().readTree(aegis.run("doc", "--format", "json").out());
    assertEquals(ModuleRegistry.standard().stdlibNames().size(), list.get("modules").size());
  }

  @Test
  void colourOnlyWhenAsked() {
    assertFalse(aegis.run("doc", "http").out().contains("\u001b["));
    var coloured = aegis.run("doc", "http", "--color=always");
    assertTrue(coloured.out().contains("\u001b[32mread\u001b[0m fn \u001b[1mhttp.get\u001b[0m("), coloured::toString);
    assertTrue(coloured.out().contains("\u001b[33mwrite\u001b[0m"), coloured::toString);
  }

  @Test
  void anUnknownModuleIsAUsageErrorWithASuggestion() {
    var r = aegis.run("doc", "k8");
    assertEquals(ExitCode.USAGE.code(), r.exit(), r::toString);
    assertEquals("", r.out());
    assertEquals("aegis: unknown module `k8` (did you mean `k8s`?)\nRun `aegis doc` for the list of modules.\n", r.err());

    var far = aegis.run("doc", "kubernetes_and_more");
    assertEquals(ExitCode.USAGE.code(), far.exit(), far::toString);
    assertTrue(far.err().startsWith("aegis: unknown module `kubernetes_and_more`\n"), far::toString);
  }

  @Test
  void aModuleFileOfOnesOwnIsDocumentedToo() throws IOException {
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/rows.aegis"), """
        /// Table rows for reports.
        module rows

        /// One service's health.
        record HealthRow {
          /// Service name.
          service: String
          /// HTTP status.
          status: Int = 0
        }

        /// A row for `name`.
        fn row(name: String) -> HealthRow = HealthRow(service: name)
        """);
    var r = aegis.run("doc", "lib/rows.aegis");
    assertEquals(ExitCode.OK.code(), r.exit(), r::toString);
    assertTrue(r.out().startsWith("module rows\n    Table rows for reports.\n"), r::toString);
    assertTrue(r.out().contains("\nrecord rows.HealthRow\n    One service's health.\n\n    service: String\n        Service name.\n"
        + "    status: Int = 0\n        HTTP status.\n"), r::toString);
    assertTrue(r.out().contains("\nfn rows.row(name: String) -> rows.HealthRow\n    A row for `name`.\n"), r::toString);
  }

  @Test
  void aFileThatIsNoModuleOrHasErrorsOrIsMissingIsReported() throws IOException {
    Files.writeString(dir.resolve("hello.aegis"), CheckCommandTest.CLEAN);
    var runbook = aegis.run("doc", "hello.aegis");
    assertEquals(ExitCode.BAD_INPUT.code(), runbook.exit(), runbook::toString);
    assertTrue(runbook.err().contains("is not a module file"), runbook::toString);

    Files.writeString(dir.resolve("broken.aegis"), "module broken\nfn f() -> Int = nope\n");
    var broken = aegis.run("doc", "broken.aegis");
    assertEquals(ExitCode.FAILURE.code(), broken.exit(), broken::toString);
    assertEquals("aegis: `broken.aegis` has errors; `aegis check broken.aegis` shows them\n", broken.err());

    var missing = aegis.run("doc", "lib/none.aegis");
    assertEquals(ExitCode.BAD_INPUT.code(), missing.exit(), missing::toString);
  }

  @Test
  void docIsListedInTheHelp() {
    var r = aegis.run("--help");
    assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("doc ")), r::toString);
    var help = aegis.run("doc", "--help");
    assertEquals(ExitCode.OK.code(), help.exit(), help::toString);
    assertTrue(help.out().contains("[MODULE]"), help::toString);
  }
}
