package aegis.source.git;

import aegis.diagnostics.Code;
import aegis.types.ModuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.FileUtils;

/**
 * Opens runbooks given as {@code git+URL//path@ref}: fetches the remote into the {@link GitCache},
 * resolves the ref to a commit, checks the signature when asked, and hands back the commit's files.
 *
 * <p>Without the network a cached commit is used only when the ref is a full commit id, the one
 * kind of ref that cannot move; a tag or branch must be fetched, because the cached copy may be
 * out of date (the error shows the pinned URL to use instead). A commit pinned by a saved plan or
 * a run's journal is read from the cache first and fetched only when it is missing there.
 */
public final class GitSource {
  /**
   * How to open a runbook.
   *
   * @param trustedKeys  require a good signature by one of these keys on the tag or commit; null: no signature needed
   * @param pinnedCommit read exactly this commit (a saved plan's or a journal's) instead of resolving the ref; may be null
   */
  public record Options(TrustedKeys trustedKeys, String pinnedCommit) {
    public static Options defaults() { return new Options(null, null); }
  }

  private static final int LISTED = 8;

  private final GitCache cache;
  private final ModuleLoader stdlib;

  /** @param stdlib where stdlib modules come from (they belong to aegis, not to the repository) */
  public GitSource(GitCache cache, ModuleLoader stdlib) {
    this.cache = cache;
    this.stdlib = stdlib;
  }

  @SuppressWarnings("try") // the lock is held for the block, never read
  public Snapshot open(GitUrl url, Options options) throws GitSourceException {
    String shown = url.text();
    try (var lock = cache.lock(url.remote())) {
      boolean fresh = !cache.has(url.remote());
      Repository repo = cache.open(url.remote());
      try {
        Snapshot snapshot = open(repo, url, options, fresh);
        repo = null;
        return snapshot;
      } catch (GitSourceException e) {
        boolean nothingFetched = fresh && hasNoRefs(repo);
        repo.close();
        repo = null;
        if (nothingFetched) forget(cache.mirrorOf(url.remote()));
        throw e;
      } catch (IOException e) {
        throw new GitSourceException(Code.AEG311, shown, "cannot read the cached copy of " + url.remote() + ": "
            + GitCache.describe(e), e).withHint("delete " + cache.mirrorOf(url.remote()) + " and try again");
      } finally {
        if (repo != null) repo.close();
      }
    }
  }

  private Snapshot open(Repository repo, GitUrl url, Options options, boolean fresh) throws GitSourceException, IOException {
    String shown = url.text();
    try (var walk = new RevWalk(repo)) {
      RefResolver.Resolution resolution = options.pinnedCommit() != null
          ? pinned(repo, walk, url, options.pinnedCommit())
          : resolve(repo, walk, url, fresh);
      Verification verification = options.trustedKeys() == null ? null
          : SignatureCheck.verify(resolution, options.trustedKeys(), shown);
      var files = new CommitFiles(repo, resolution.commit(), stdlib);
      if (files.blob(url.path()) == null) throw missing(files, url, resolution);
      return new Snapshot(url, resolution.describe(), files, verification);
    }
  }

  private RefResolver.Resolution resolve(Repository repo, RevWalk walk, GitUrl url, boolean fresh)
      throws GitSourceException, IOException {
    String shown = url.text();
    if (RefResolver.isFullCommitId(url.ref())) {
      var cached = RefResolver.find(repo, walk, url.ref(), shown);
      if (cached != null) return cached;
      cache.fetch(repo, url.remote());
      return RefResolver.resolve(repo, walk, url.ref(), url.remote(), shown);
    }
    try {
      cache.fetch(repo, url.remote());
    } catch (GitSourceException unreachable) {
      var cached = fresh ? null : RefResolver.find(repo, walk, url.ref(), shown);
      if (cached != null) {
        unreachable.withHint("the cache has `" + url.ref() + "` at commit " + cached.commit().name() + ", but a tag or branch "
            + "can move, so it is not used without the network; to run that commit offline, pin it: "
            + url.withRef(cached.commit().name()).text());
      } else {
        unreachable.withHint(fresh ? "nothing of this repository is cached yet: aegis needs the network once"
            : "check the URL and the network");
      }
      throw unreachable;
    }
    return RefResolver.resolve(repo, walk, url.ref(), url.remote(), shown);
  }

  /**
   * The commit a saved plan or journal pinned. For {@code --require-signed}, the tag the URL names
   * is kept when (in the cache, without fetching) it still points at that commit.
   */
  private RefResolver.Resolution pinned(Repository repo, RevWalk walk, GitUrl url, String commit)
      throws GitSourceException, IOException {
    String shown = url.text();
    if (!RefResolver.isFullCommitId(commit)) {
      throw new GitSourceException(Code.AEG312, shown, "`" + commit + "` is not a full commit id; a pinned commit has 40 hex digits");
    }
    ObjectId id = ObjectId.fromString(commit);
    if (!repo.getObjectDatabase().has(id)) {
      try {
        cache.fetch(repo, url.remote());
      } catch (GitSourceException e) {
        throw new GitSourceException(Code.AEG311, shown, "commit " + commit + " can no longer be read: it is not in the "
            + "cache and " + e.getMessage(), e);
      }
      if (!repo.getObjectDatabase().has(id)) {
        throw new GitSourceException(Code.AEG312, shown, "commit " + commit + " can no longer be read: " + url.remote()
            + " does not have it any more (history rewritten?)").withHint("plan again from the current ref");
      }
    }
    var named = RefResolver.find(repo, walk, url.ref(), shown);
    if (named != null && named.commit().equals(id)) return named;
    return RefResolver.find(repo, walk, commit, shown);
  }

  private static GitSourceException missing(CommitFiles files, GitUrl url, RefResolver.Resolution resolution) {
    String dir = url.path().contains("/") ? url.path().substring(0, url.path().lastIndexOf('/')) : "";
    var error = new GitSourceException(Code.AEG313, url.text(), "`" + url.path() + "` is not in commit "
        + resolution.commit().name() + " (" + resolution.describe() + ") of " + url.remote());
    List<String> here = files.list(files.pathOf(dir)).stream().map(p -> p.getFileName().toString()).toList();
    if (!here.isEmpty()) {
      String listed = String.join(", ", here.subList(0, Math.min(LISTED, here.size())));
      error.withHint("aegis files in " + (dir.isEmpty() ? "the repository's root" : dir + "/") + " at that commit: " + listed
          + (here.size() > LISTED ? ", ..." : ""));
    }
    return error;
  }

  private static boolean hasNoRefs(Repository repo) {
    try {
      return repo.getRefDatabase().getRefs().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes a mirror that was created for this call and never got anything. */
  private static void forget(Path mirror) {
    if (!Files.isDirectory(mirror)) return;
    try {
      FileUtils.delete(mirror.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    } catch (IOException ignored) {
      // an empty mirror left behind is harmless: the next fetch fills it
    }
  }
}
