package aegis.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import aegis.source.LoadResult;
import aegis.types.ModuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runbooks read from real repositories through the cache: refs, moved refs, missing things, no network. */
class GitSourceTest {
  @TempDir
  static Path dir;

  private static GitWorld world;
  private static int caches;

  @BeforeAll
  static void world() throws IOException {
    world = new GitWorld(dir);
  }

  @AfterAll
  static void close() throws IOException {
    world.close();
  }

  private static Path newCache() {
    return dir.resolve("cache-" + (++caches));
  }

  private static GitSource source(Path cache) {
    return new GitSource(new GitCache(cache, Duration.ofSeconds(30)), ModuleLoader.classpath());
  }

  private static Snapshot open(Path cache, String url) throws GitSourceException {
    return source(cache).open(GitUrl.parse(url), GitSource.Options.defaults());
  }

  private static String text(Snapshot snapshot, String repoPath) {
    var read = snapshot.files().read(snapshot.files().pathOf(repoPath), repoPath);
    return ((LoadResult.Loaded) read).file().text();
  }

  @Test
  void readsTheRunbookAtATagWithoutTouchingTheWorkingTree() throws Exception {
    var repo = OpsRepo.fill(world.repo("tagged"));
    String c1 = repo.commit("one");
    repo.tag("v1");
    repo.write("runbooks/hello.aegis", "changed in the working tree, not committed");
    Path cache = newCache();
    try (var snapshot = open(cache, repo.runbook("runbooks/hello.aegis", "v1"))) {
      assertEquals(c1, snapshot.commit());
      assertEquals("tag v1", snapshot.describe());
      assertEquals(OpsRepo.HELLO, text(snapshot, "runbooks/hello.aegis"));
      assertEquals(snapshot.files().pathOf("runbooks/hello.aegis"), snapshot.runbookPath());
    }
    assertEquals("changed in the working tree, not committed", Files.readString(repo.dir().resolve("runbooks/hello.aegis")));
    assertEquals(" M runbooks/hello.aegis\n", repo.git("status", "--porcelain"));
    assertEquals(c1, repo.head());
    try (Stream<Path> mirrors = Files.list(cache)) {
      var bare = mirrors.filter(Files::isDirectory).toList();
      assertEquals(1, bare.size(), "one mirror per remote: " + bare);
      assertTrue(bare.getFirst().getFileName().toString().endsWith("-tagged.git"));
      assertTrue(Files.isDirectory(bare.getFirst().resolve("objects")), "a bare repository");
      assertFalse(Files.exists(bare.getFirst().resolve("runbooks")), "no working tree in the cache");
    }
  }

  @Test
  void tagsBranchesFullAndAbbreviatedIdsResolve() throws Exception {
    var repo = OpsRepo.fill(world.repo("refs"));
    String c1 = repo.commit("one");
    repo.tag("v1").lightTag("light");
    repo.write("runbooks/hello.aegis", OpsRepo.HELLO + "// two\n");
    String c2 = repo.commit("two");
    Path cache = newCache();
    record Case(String ref, String commit, String describe) {}
    for (var c : List.of(new Case("v1", c1, "tag v1"), new Case("light", c1, "tag light"), new Case("main", c2, "branch main"),
        new Case(c1, c1, "commit " + c1.substring(0, 12)), new Case(c2.substring(0, 7), c2, "commit " + c2.substring(0, 12)),
        new Case("refs/tags/v1", c1, "refs/tags/v1"))) {
      try (var snapshot = open(cache, repo.runbook("runbooks/hello.aegis", c.ref()))) {
        assertEquals(c.commit(), snapshot.commit(), c.ref());
        assertEquals(c.describe(), snapshot.describe(), c.ref());
      }
    }
  }

  @Test
  void aMovedTagIsFollowedAndAPinnedCommitIsNot() throws Exception {
    var repo = OpsRepo.fill(world.repo("moved"));
    String c1 = repo.commit("one");
    repo.tag("v1");
    Path cache = newCache();
    String url = repo.runbook("runbooks/hello.aegis", "v1");
    try (var snapshot = open(cache, url)) {
      assertEquals(c1, snapshot.commit());
    }
    repo.write("runbooks/hello.aegis", OpsRepo.HELLO + "// moved\n");
    String c2 = repo.commit("two");
    repo.moveTag("v1");
    try (var snapshot = open(cache, url)) {
      assertEquals(c2, snapshot.commit(), "the tag moved on the remote, and the cache follows it");
      assertTrue(text(snapshot, "runbooks/hello.aegis").endsWith("// moved\n"));
    }
    try (var pinned = source(cache).open(GitUrl.parse(url), new GitSource.Options(null, c1))) {
      assertEquals(c1, pinned.commit(), "a plan's commit is read, wherever the tag points now");
      assertEquals(OpsRepo.HELLO, text(pinned, "runbooks/hello.aegis"));
      assertEquals("commit " + c1.substring(0, 12), pinned.describe());
    }
  }

  @Test
  void anUnknownRefIsNamedWithTheNearestTags() throws Exception {
    var repo = OpsRepo.fill(world.repo("unknown-ref"));
    repo.commit("one");
    repo.tag("v1.0").tag("v1.1").tag("v2.0").tag("release-candidate");
    var e = assertThrows(GitSourceException.class, () -> open(newCache(), repo.runbook("runbooks/hello.aegis", "v1.2")));
    assertEquals(Code.AEG312, e.code());
    assertEquals("no tag, branch or commit `v1.2` in " + repo.url(), e.getMessage());
    assertEquals(List.of("nearest tags: v1.0, v1.1, v2.0"), e.hints());
  }

  @Test
  void aPathMissingAtTheRefNamesTheCommit() throws Exception {
    var repo = OpsRepo.fill(world.repo("missing-path"));
    String c1 = repo.commit("one");
    repo.tag("v1");
    var e = assertThrows(GitSourceException.class, () -> open(newCache(), repo.runbook("runbooks/deploy.aegis", "v1")));
    assertEquals(Code.AEG313, e.code());
    assertEquals("`runbooks/deploy.aegis` is not in commit " + c1 + " (tag v1) of " + repo.url(), e.getMessage());
    assertEquals(List.of("aegis files in runbooks/ at that commit: hello.aegis, noop.aegis, outer.aegis, rotate.aegis"), e.hints());
  }

  @Test
  void withoutTheNetworkOnlyAFullCommitIdIsReadFromTheCache() throws Exception {
    var repo = OpsRepo.fill(world.repo("offline"));
    String c1 = repo.commit("one");
    repo.tag("v1");
    Path cache = newCache();
    try (var snapshot = open(cache, repo.runbook("runbooks/hello.aegis", "v1"))) {
      assertEquals(c1, snapshot.commit());
    }
    Path away = repo.dir().resolveSibling("offline-unreachable");
    Files.move(repo.dir(), away);
    try {
      var byTag = assertThrows(GitSourceException.class, () -> open(cache, repo.runbook("runbooks/hello.aegis", "v1")));
      assertEquals(Code.AEG311, byTag.code());
      assertTrue(byTag.getMessage().startsWith("cannot fetch " + repo.url() + ": "), byTag.getMessage());
      assertEquals(List.of("the cache has `v1` at commit " + c1 + ", but a tag or branch can move, so it is not used without "
          + "the network; to run that commit offline, pin it: " + repo.runbook("runbooks/hello.aegis", c1)), byTag.hints());

      var byBranch = assertThrows(GitSourceException.class, () -> open(cache, repo.runbook("runbooks/hello.aegis", "main")));
      assertEquals(Code.AEG311, byBranch.code());

      try (var byId = open(cache, repo.runbook("runbooks/hello.aegis", c1))) {
        assertEquals(OpsRepo.HELLO, text(byId, "runbooks/hello.aegis"));
      }
      String unknown = "0123456789abcdef0123456789abcdef01234567";
      var notCached = assertThrows(GitSourceException.class, () -> open(cache, repo.runbook("runbooks/hello.aegis", unknown)));
      assertEquals(Code.AEG311, notCached.code(), "a commit that is not cached needs the network");
    } finally {
      Files.move(away, repo.dir());
    }
  }

  @Test
  void aRemoteNeverReachedLeavesNothingInTheCache() throws Exception {
    Path cache = newCache();
    String url = "git+" + dir.resolve("no-such-repo").toUri().toString().replaceAll("/$", "") + "//runbooks/x.aegis@v1";
    var e = assertThrows(GitSourceException.class, () -> open(cache, url));
    assertEquals(Code.AEG311, e.code());
    assertEquals(List.of("nothing of this repository is cached yet: aegis needs the network once"), e.hints());
    try (Stream<Path> left = Files.list(cache)) {
      assertEquals(List.of(), left.filter(Files::isDirectory).toList(), "the empty mirror is removed again");
    }
  }

  @Test
  void aBranchDeletedOnTheRemoteIsGoneFromTheCache() throws Exception {
    var repo = OpsRepo.fill(world.repo("pruned"));
    repo.commit("one");
    repo.git("branch", "feature");
    Path cache = newCache();
    try (var snapshot = open(cache, repo.runbook("runbooks/hello.aegis", "feature"))) {
      assertEquals("branch feature", snapshot.describe());
    }
    repo.git("branch", "-D", "feature");
    var e = assertThrows(GitSourceException.class, () -> open(cache, repo.runbook("runbooks/hello.aegis", "feature")));
    assertEquals(Code.AEG312, e.code());
    assertEquals(List.of("the repository has no tags; its branches: main"), e.hints());
  }

  @Test
  void commitFilesListAndRefuseLikeFilesOnDisk() throws Exception {
    var repo = OpsRepo.fill(world.repo("listing"));
    repo.write("runbooks/.hidden/x.aegis", "module x\n").write("binary.aegis", "runbook b\u0000\n");
    repo.commit("one");
    repo.tag("v1");
    try (var snapshot = open(newCache(), repo.runbook("runbooks/hello.aegis", "v1"))) {
      var files = snapshot.files();
      assertEquals(List.of("binary.aegis", "environments/sandbox.aegis", "runbooks/hello.aegis", "runbooks/lib/names.aegis",
          "runbooks/noop.aegis", "runbooks/outer.aegis", "runbooks/rotate.aegis"), files.sourceFiles());
      assertEquals(List.of(files.pathOf("runbooks/hello.aegis"), files.pathOf("runbooks/noop.aegis"),
          files.pathOf("runbooks/outer.aegis"), files.pathOf("runbooks/rotate.aegis")), files.list(files.pathOf("runbooks")));
      assertTrue(files.exists(files.pathOf("runbooks/templates/motd.txt.j2")));
      assertFalse(files.exists(files.pathOf("runbooks")), "a directory is not a file");
      assertFalse(files.exists(files.pathOf("../outside.aegis")));
      assertFalse(files.exists(Path.of("/etc/hostname")), "nothing outside the commit is read");
      var binary = (LoadResult.Rejected) files.read(files.pathOf("binary.aegis"), "binary.aegis");
      assertEquals(Code.AEG108, binary.problem().code());
      var missing = (LoadResult.Rejected) files.read(files.pathOf("nope.aegis"), "nope.aegis");
      assertEquals("cannot read `nope.aegis`: no such file in commit " + snapshot.commit().substring(0, 12),
          missing.problem().message());
    }
  }
}
