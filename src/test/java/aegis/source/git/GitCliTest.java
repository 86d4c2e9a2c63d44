package aegis.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.cli.Cli;
import aegis.cli.CliContext;
import aegis.exec.journal.AegisHome;
import aegis.exec.journal.JournalRecord;
import aegis.exec.journal.RunStore;
import aegis.plan.Plan;
import aegis.plan.PlanJson;
import aegis.plan.RunbookSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis plan|apply|run} with {@code git+} runbooks, in-process, against real repositories. */
class GitCliTest {
  @TempDir
  static Path dir;

  private static GitWorld world;
  private static String key;
  private static Path trusted;

  @BeforeAll
  static void world() throws IOException {
    world = new GitWorld(dir);
    key = world.key("Release Manager <release@example.com>", "ed25519");
    trusted = world.export("trusted.asc", true, key);
  }

  @AfterAll
  static void close() throws IOException {
    world.close();
  }

  record Result(int exit, String out, String err) {
    @Override
    public String toString() { return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err; }
  }

  private static Result aegis(Path work, String... args) throws IOException {
    Files.createDirectories(work);
    var out = new StringWriter();
    var err = new StringWriter();
    var context = new CliContext(Map.of("AEGIS_HOME", work.resolve("home").toString()), false, work, work.resolve("crashes"));
    int exit = Cli.run(args, new PrintWriter(out), new PrintWriter(err), context);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void aPlanReadsEverythingFromTheCommitAndRecordsIt() throws Exception {
    var repo = OpsRepo.fill(world.repo("plan"));
    String c1 = repo.commit("one");
    repo.tag("v1");
    repo.write("runbooks/templates/motd.txt.j2", OpsRepo.TEMPLATE.replace("hello from", "not committed:"));
    repo.write("environments/sandbox.aegis", "environment broken\n");
    Path work = dir.resolve("work-plan");
    String url = repo.runbook("runbooks/outer.aegis", "v1");

    var r = aegis(work, "plan", url, "--env", "sandbox", "--offline", "--out", "plan.json");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("Plan for " + url + " on environment sandbox\n  runbook  sha256 "), r.out());
    assertTrue(r.out().contains("  commit " + c1.substring(0, 12) + "  and 2 files it uses\n"), r.out());

    Plan plan = PlanJson.read(Files.readString(work.resolve("plan.json")));
    assertEquals(url, plan.runbook().path());
    assertEquals(c1, plan.runbook().gitCommit());
    assertEquals(List.of("runbooks/hello.aegis", "runbooks/lib/names.aegis"),
        plan.runbook().dependencies().stream().map(RunbookSource.FileDigest::path).toList());
    assertEquals("environments/sandbox.aegis", plan.environment().path());
    String json = PlanJson.write(plan);
    assertTrue(json.contains("hello from sandbox (aegisshield-sandbox)"), "the template is the committed one: " + json);
    assertTrue(!json.contains("not committed"), "the working tree's template is not read");
  }

  @Test
  void applyUsesThePlansCommitAndRefusesWhenItIsGone() throws Exception {
    var repo = OpsRepo.fill(world.repo("apply"));
    String c1 = repo.commit("one");
    repo.tag("v1");
    Path work = dir.resolve("work-apply");
    String url = repo.runbook("runbooks/noop.aegis", "v1");
    var planned = aegis(work, "plan", url, "--env", "sandbox", "--out", "plan.json");
    assertEquals(0, planned.exit(), planned.toString());

    repo.write("runbooks/noop.aegis", OpsRepo.NOOP.replace("env.name == \"sandbox\"", "env.name == \"production\""));
    repo.commit("two: would fail in the sandbox");
    repo.moveTag("v1");

    var applied = aegis(work, "apply", "plan.json");
    assertEquals(0, applied.exit(), "the plan's commit is applied, not where v1 points now: " + applied);
    var store = new RunStore(new AegisHome(work.resolve("home")));
    JournalRecord.RunStarted started = store.read(store.list(1).getFirst().runId()).header().orElseThrow();
    assertEquals(url, started.runbookPath());
    assertEquals(c1, started.gitCommit());

    deleteTree(work.resolve("home").resolve("cache"));
    Path away = repo.dir().resolveSibling("apply-gone");
    Files.move(repo.dir(), away);
    try {
      var gone = aegis(work, "apply", "plan.json");
      assertEquals(3, gone.exit(), gone.toString());
      assertTrue(gone.err().contains("error[AEG311]: commit " + c1 + " can no longer be read: it is not in the cache and "
          + "cannot fetch " + repo.url()), gone.err());
    } finally {
      Files.move(away, repo.dir());
    }
  }

  @Test
  void runRecordsTheCommitInTheJournal() throws Exception {
    var repo = OpsRepo.fill(world.repo("run"));
    String c1 = repo.commit("one");
    Path work = dir.resolve("work-run");
    String url = repo.runbook("runbooks/noop.aegis", "main");
    var r = aegis(work, "run", url, "--env", "sandbox", "--yes");
    assertEquals(0, r.exit(), r.toString());
    var store = new RunStore(new AegisHome(work.resolve("home")));
    var started = store.read(store.list(1).getFirst().runId()).header().orElseThrow();
    assertEquals(c1, started.gitCommit());
    assertEquals(url, started.runbookPath());
  }

  @Test
  void signaturesAreRequiredOnlyWhenAskedForAndRefusalsExit4() throws Exception {
    var repo = OpsRepo.fill(world.repo("cli-signed"));
    repo.commit("one");
    repo.signedTag("v1", key).tag("v1-unsigned");
    Path work = dir.resolve("work-signed");
    String[] signed = {"plan", repo.runbook("runbooks/noop.aegis", "v1"), "--env", "sandbox", "--offline", "--require-signed",
        "--trusted-keys", trusted.toString()};
    var ok = aegis(work, signed);
    assertEquals(0, ok.exit(), ok.toString());
    assertTrue(ok.err().startsWith("aegis: tag v1 signed by " + key + " (Release Manager <release@example.com>)\n"), ok.err());

    var unsigned = aegis(work, "plan", repo.runbook("runbooks/noop.aegis", "v1-unsigned"), "--env", "sandbox", "--offline",
        "--require-signed", "--trusted-keys", trusted.toString());
    assertEquals(4, unsigned.exit(), unsigned.toString());
    assertTrue(unsigned.err().contains("error[AEG314]: unsigned: tag `v1-unsigned` is not signed"), unsigned.err());

    var withoutKeys = aegis(work, "plan", repo.runbook("runbooks/noop.aegis", "v1"), "--env", "sandbox", "--require-signed");
    assertEquals(2, withoutKeys.exit(), withoutKeys.toString());
    assertTrue(withoutKeys.err().startsWith("aegis: --require-signed needs --trusted-keys FILE"), withoutKeys.err());

    var local = aegis(work, "plan", "runbooks/noop.aegis", "--env", "sandbox", "--require-signed", "--trusted-keys",
        trusted.toString());
    assertEquals(2, local.exit(), local.toString());
  }

  @Test
  void aBadUrlOrRefIsABadInput() throws Exception {
    Path work = dir.resolve("work-bad");
    var noRef = aegis(work, "plan", "git+file:///srv/ops.git//runbooks/deploy.aegis", "--env", "sandbox");
    assertEquals(3, noRef.exit(), noRef.toString());
    assertTrue(noRef.err().contains("error[AEG310]: `git+file:///srv/ops.git//runbooks/deploy.aegis` is not a git runbook URL: "
        + "no ref: end the URL with `@REF`"), noRef.err());

    var repo = OpsRepo.fill(world.repo("cli-bad"));
    repo.commit("one");
    repo.tag("v1.0");
    var unknown = aegis(work, "plan", repo.runbook("runbooks/noop.aegis", "v1.1"), "--env", "sandbox", "--offline");
    assertEquals(3, unknown.exit(), unknown.toString());
    assertTrue(unknown.err().contains("error[AEG312]: no tag, branch or commit `v1.1` in " + repo.url()), unknown.err());
    assertTrue(unknown.err().contains("= hint: nearest tags: v1.0"), unknown.err());

    var badEnv = aegis(work, "plan", repo.runbook("runbooks/noop.aegis", "v1.0"), "--env", "staging", "--offline");
    assertEquals(1, badEnv.exit(), badEnv.toString());
    assertTrue(badEnv.err().contains("unknown environment `staging`"), badEnv.err());
    assertTrue(badEnv.err().contains("known environments: sandbox"), "listed from the commit: " + badEnv.err());
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
