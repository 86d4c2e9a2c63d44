package aegis.prplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.source.git.GitWorld;
import aegis.source.git.OpsRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aegis pr-plan} on a real repository: one base commit on {@code main} and one branch per
 * kind of change. Its Markdown and JSON are golden files under
 * {@code src/test/resources/golden/pr-plan/} (regenerate with {@code -Dgolden.update=true} and
 * review the diff); each case checks the exit status too.
 */
class PrPlanGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/pr-plan");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  /** The secret input of {@code rotate}: it must never appear in any output. */
  private static final String TOKEN = "tok-8f3e2a91c4d7-never-shown";

  @TempDir
  static Path dir;

  private static GitWorld world;
  private static GitWorld.Repo repo;

  private interface Change {
    void make(GitWorld.Repo repo) throws IOException;
  }

  private record Case(String name, int exit, Change change, String... extraArgs) {}

  private static final List<Case> CASES = List.of(
      new Case("template", 2, r -> r.write("runbooks/templates/motd.txt.j2", "good morning from {{ env.name }}\n")),
      new Case("module", 2, r -> r.write("runbooks/lib/names.aegis", OpsRepo.NAMES.replace("\"aegisshield\"", "\"aegis-platform\""))),
      new Case("environment", 2, r -> r.write("environments/sandbox.aegis",
          OpsRepo.SANDBOX.replace("let ns = \"aegisshield-sandbox\"", "let ns = \"aegisshield-sandbox-2\""))),
      new Case("added-and-removed", 2, r -> {
        r.write("runbooks/welcome.aegis", OpsRepo.OUTER.replace("runbook outer \"Runs hello\"", "runbook welcome \"Welcomes\""));
        r.delete("runbooks/outer.aegis");
      }),
      new Case("broken", 1, r -> r.write("runbooks/lib/names.aegis", OpsRepo.NAMES.replace("\"aegisshield\"", "42"))),
      new Case("comment-only", 0, r -> r.write("runbooks/hello.aegis",
          OpsRepo.HELLO.replace("param env: Environment", "// The environment greeted.\n// (two lines, so every later line moves)\nparam env: Environment"))),
      new Case("unrelated", 0, r -> r.write("README.md", "# ops\n\nNow with a README that says more.\n")),
      new Case("secret", 2, r -> r.write("runbooks/rotate.aegis", OpsRepo.ROTATE.replace("secret/aegis/api-token", "secret/aegis/api-token-v2")),
          "--runbooks", "runbooks", "--set", "token=env:API_TOKEN"));

  @BeforeAll
  static void repository() throws IOException {
    world = new GitWorld(dir);
    repo = OpsRepo.fill(world.repo("ops")).write("README.md", "# ops\n");
    repo.commit("base");
    for (Case c : CASES) {
      repo.git("checkout", "-q", "-b", c.name(), "main");
      c.change().make(repo);
      repo.commit(c.name());
    }
    repo.git("checkout", "-q", "main");
  }

  @AfterAll
  static void close() throws IOException {
    world.close();
  }

  @TestFactory
  Stream<DynamicTest> prPlanMatchesItsGoldenFiles() {
    var tests = new ArrayList<DynamicTest>();
    for (Case c : CASES) {
      for (String format : List.of("markdown", "json")) {
        String file = c.name() + (format.equals("json") ? ".json" : ".md");
        tests.add(DynamicTest.dynamicTest(file, () -> {
          var args = new ArrayList<>(List.of("pr-plan", "--repo", repo.dir().toString(), "--base", "main", "--head", c.name(),
              "--format", format));
          args.addAll(List.of(c.extraArgs()));
          var r = PrPlanCli.run(dir.resolve("work"), Map.of("API_TOKEN", TOKEN), args);
          assertEquals(c.exit(), r.exit(), r.toString());
          assertEquals("", r.err(), "nothing on stderr");
          assertFalse(r.out().contains(TOKEN), "the secret input is never shown");
          check(file, r.out());
        }));
      }
    }
    return tests.stream();
  }

  private static void check(String file, String actual) throws IOException {
    Path path = GOLDEN.resolve(file);
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(path, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(path), path + " is missing; run the tests with -Dgolden.update=true to create it");
    assertEquals(Files.readString(path, StandardCharsets.UTF_8), actual, file + " differs from its golden file");
  }
}
