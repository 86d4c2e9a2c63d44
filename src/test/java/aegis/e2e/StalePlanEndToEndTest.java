package aegis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.Builtins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aegis apply PLANFILE} applies exactly a saved plan and refuses (exit 4) a stale one,
 * naming what changed: the runbook's text, an input, or the live state one of its reads
 * returned. The reads and the write go through the real http adapter to a fixture server.
 */
@Timeout(120)
class StalePlanEndToEndTest {
  static final String RUNBOOK = """
      runbook rollout "Roll out a version"
      import http
      param env: Environment
      param base: String
      param version: String
      step "current version" {
        let live = http.get("${base}/version")
        check live.status == 200 else fail "no version endpoint: ${live.status}"
      }
      step "deploy" {
        http.post("${base}/deploy", "version=${version}")
      }
      """;

  @TempDir Path dir;
  final AtomicReference<String> liveVersion = new AtomicReference<>("1.0.0");
  final FixtureServer fixture = FixtureServer.start()
      .answer("/version", r -> FixtureServer.Answer.json("{\"version\":\"" + liveVersion.get() + "\"}"))
      .answer("/deploy", FixtureServer.Answer.text(200, "deployed"));
  InProcessCli cli;
  Path runbook;

  @BeforeEach
  void plan() throws Exception {
    new TestEnvironment("e2e", fixture.url(), List.of(), 1, "postgres", "UNUSED", "bolt://127.0.0.1:1", "neo4j", "UNUSED")
        .write(dir);
    runbook = dir.resolve("runbooks/rollout.aegis");
    Files.createDirectories(runbook.getParent());
    Files.writeString(runbook, RUNBOOK);
    cli = new InProcessCli(dir, Map.of("CI", "true"), Builtins::registry);
    var plan = cli.run("plan", "runbooks/rollout.aegis", "--env", "e2e", "--set", "base=" + fixture.url(),
        "--set", "version=1.1.0", "--out", "rollout.plan.json", "--detailed-exitcode");
    assertEquals(2, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("POST " + fixture.url() + "/deploy"), plan::toString);
    assertEquals(1, fixture.hits("/version"), "the plan read the live version");
    assertEquals(0, fixture.hits("/deploy"), "the plan sent no write");
  }

  @AfterEach
  void stop() { fixture.close(); }

  private InProcessCli.Result apply(String... more) {
    var args = new java.util.ArrayList<>(List.of("apply", "rollout.plan.json"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private static void assertStale(InProcessCli.Result r, String reason) {
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("the plan is stale"), r::toString);
    assertTrue(r.err().contains("  - " + reason), "expected reason `" + reason + "` in:\n" + r);
  }

  @Test
  void aChangedRunbookIsRefused() throws Exception {
    Files.writeString(runbook, RUNBOOK + "// reviewed\n");
    assertStale(apply(), "runbook text changed (sha256 ");
    assertEquals(0, fixture.hits("/deploy"));
  }

  @Test
  void aChangedInputIsRefused() {
    assertStale(apply("--set", "version=1.2.0"), "input `version` changed (\"1.1.0\" -> \"1.2.0\")");
    assertEquals(0, fixture.hits("/deploy"));
  }

  @Test
  void aChangedLiveStateIsRefused() {
    liveVersion.set("1.0.1");
    assertStale(apply(), "live state changed: http.get(");
    assertEquals(0, fixture.hits("/deploy"));
  }

  @Test
  void aFreshPlanIsAppliedExactly() throws Exception {
    // Servers date every answer (HTTP's Date header): a plan applied in a later second than it was
    // made must still be fresh.
    long second = Instant.now().getEpochSecond();
    while (Instant.now().getEpochSecond() == second) Thread.sleep(10);

    var r = apply();

    assertEquals(0, r.exit(), r::toString);
    assertEquals(1, fixture.hits("/deploy"));
    assertEquals("version=1.1.0", fixture.lastRequest("/deploy").body());
    assertTrue(r.out().contains("succeeded"), r::toString);
  }
}
