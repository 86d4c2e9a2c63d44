package aegis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.Builtins;
import aegis.exec.journal.AegisHome;
import aegis.exec.journal.Identity;
import aegis.exec.journal.RunStatus;
import aegis.exec.journal.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one environment at once: exactly one runs; the other is refused with exit 4
 * (REFUSED) and a message naming the holder's run id, user, host and pid, whether the holder is
 * another process or another thread of this one.
 */
@Timeout(180)
class ConcurrentRunsEndToEndTest {
  static final String RUNBOOK = """
      runbook hold "A change that takes a while"
      import http
      param env: Environment
      param base: String
      step "change" {
        let r = http.post("${base}/change", "x", timeout: 2m)
        check r.status == 200 else fail "answered ${r.status}"
      }
      """;

  @TempDir Path dir;
  final FixtureServer fixture = FixtureServer.start().gate("/change", FixtureServer.Answer.text(200, "done"));
  InProcessCli cli;

  @BeforeEach
  void files() throws Exception {
    new TestEnvironment("e2e", fixture.url(), List.of(), 1, "postgres", "UNUSED", "bolt://127.0.0.1:1", "neo4j", "UNUSED")
        .write(dir);
    Files.createDirectories(dir.resolve("runbooks"));
    Files.writeString(dir.resolve("runbooks/hold.aegis"), RUNBOOK);
    cli = new InProcessCli(dir, Map.of("CI", "true"), Builtins::registry);
  }

  @AfterEach
  void stop() { fixture.close(); }

  private String[] run() {
    return new String[] {"run", "runbooks/hold.aegis", "--env", "e2e", "--set", "base=" + fixture.url(), "--yes"};
  }

  @Test
  void aRunInAnotherProcessHoldsTheEnvironmentAndTheSecondIsRefused() throws Exception {
    try (var holder = AegisProcess.start(dir, Map.of("CI", "true"), run())) {
      var holderRun = holder.awaitStepStarted(dir, "change", Duration.ofSeconds(90));
      fixture.awaitHits("/change", 1, Duration.ofSeconds(30));

      var refused = cli.run(run());

      assertEquals(4, refused.exit(), refused::toString);
      var me = Identity.current();
      String expected = "environment e2e is locked by run " + holderRun + " (user " + me.user() + " on host " + me.host()
          + ", pid " + holder.pid() + ", since ";
      assertTrue(refused.err().contains(expected), "expected `" + expected + "` in:\n" + refused);
      assertEquals(1, fixture.hits("/change"), "the refused run changed nothing");

      fixture.open("/change");
      assertEquals(0, holder.waitFor(), holder::output);
    }
    var runs = new RunStore(AegisHome.resolve(Map.of(), dir)).list(10);
    assertEquals(1, runs.size(), "the refused run left no journal");
    assertEquals(RunStatus.SUCCEEDED, runs.getFirst().status());
  }

  @Test
  void ofTwoRunsStartedTogetherExactlyOneRuns() throws Exception {
    List<InProcessCli.Result> results = new ArrayList<>();
    try (var threads = Executors.newFixedThreadPool(2)) {
      Future<InProcessCli.Result> a = threads.submit(() -> cli.run(run()));
      Future<InProcessCli.Result> b = threads.submit(() -> cli.run(run()));
      // The loser finishes while the winner waits at the gate; then the winner is let through.
      while (!a.isDone() && !b.isDone()) Thread.sleep(20);
      fixture.open("/change");
      results.add(a.get());
      results.add(b.get());
    }
    var exits = results.stream().map(InProcessCli.Result::exit).sorted().toList();
    assertEquals(List.of(0, 4), exits, results::toString);
    var refused = results.stream().filter(r -> r.exit() == 4).findFirst().orElseThrow();
    var runs = new RunStore(AegisHome.resolve(Map.of(), dir)).list(10);
    assertEquals(1, runs.size());
    var me = Identity.current();
    String expected = "environment e2e is locked by run " + runs.getFirst().runId() + " (user " + me.user() + " on host "
        + me.host() + ", pid " + me.pid() + ", since ";
    assertTrue(refused.err().contains(expected), "expected `" + expected + "` in:\n" + refused);
    assertEquals(1, fixture.hits("/change"), "only the winner made its change");
  }
}
