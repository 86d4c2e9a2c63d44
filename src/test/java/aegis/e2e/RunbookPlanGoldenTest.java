package aegis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.Builtins;
import aegis.cli.VersionProvider;
import aegis.plan.PlanSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every runbook under {@code runbooks/}, planned with {@code aegis plan --offline} against
 * {@code environments/production.aegis}, as text and as JSON, against golden files
 * {@code src/test/resources/golden/plan-runbooks/NAME.plan} and {@code NAME.json}; the JSON is
 * also validated against the checked-in plan schema. The clock is fixed (a Wednesday noon, outside
 * production's change window), so that window diagnostics do not depend on the day the tests run.
 * A new runbook fails here until its golden files are made with {@code -Dgolden.update=true}.
 */
class RunbookPlanGoldenTest {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Instant NOW = Instant.parse("2026-11-18T12:00:00Z");

  /** Inputs of the runbooks' params that have no default. */
  static final Map<String, List<String>> INPUTS = Map.of(
      "incident-service-down", List.of("service=api-gateway"),
      "security-patch", List.of("tag=1.0.1", "announcedAt=2026-11-17T09:00:00Z"),
      "troubleshoot-pod-startup", List.of("service=graph-engine"));

  final InProcessCli cli = new InProcessCli(ROOT, Map.of("CI", "true"), Builtins::registry,
      Clock.fixed(NOW, ZoneOffset.UTC));
  final Golden golden = Golden.plans(VersionProvider.version())
      .literal(ROOT.toString(), "<root>")
      .literal(NOW.toString(), "<created-at>");

  static List<String> runbooks() throws IOException {
    try (var files = Files.list(ROOT.resolve("runbooks"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".aegis"))
          .map(n -> n.substring(0, n.length() - ".aegis".length())).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRunbookPlansOfflineAsItsGoldenFiles() throws IOException {
    return runbooks().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      var args = new ArrayList<>(List.of("plan", "runbooks/" + name + ".aegis", "--env", "production", "--offline"));
      for (String set : INPUTS.getOrDefault(name, List.of())) args.addAll(List.of("--set", set));
      var text = cli.run(args.toArray(String[]::new));
      assertEquals(0, text.exit(), text::toString);
      args.addAll(List.of("--format", "json"));
      var json = cli.run(args.toArray(String[]::new));
      assertEquals(0, json.exit(), json::toString);
      assertEquals(List.of(), PlanSchema.errors(json.out()), "the JSON plan of " + name + " follows the schema");
      golden.check(name + ".plan", text.out());
      golden.check(name + ".json", json.out());
    }));
  }

  @Test
  void aMissingRequiredInputIsAUsageError() {
    var r = cli.run("plan", "runbooks/incident-service-down.aegis", "--env", "production", "--offline");
    assertEquals(2, r.exit(), r::toString);
    assertEquals("aegis plan: missing input `service` (String): pass --set service=VALUE\n", r.err());
  }

  @Test
  void everyGoldenFileBelongsToARunbook() throws IOException {
    var expected = new TreeSet<String>();
    for (String name : runbooks()) {
      expected.add(name + ".plan");
      expected.add(name + ".json");
    }
    var present = new TreeSet<String>();
    try (var files = Files.list(Golden.DIR)) {
      files.filter(Files::isRegularFile).forEach(f -> present.add(f.getFileName().toString()));
    }
    present.removeAll(expected);
    assertTrue(present.isEmpty(), "golden files of runbooks that are gone: " + present);
  }
}
