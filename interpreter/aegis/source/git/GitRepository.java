package aegis.source.git;

import aegis.diagnostics.Code;
import aegis.types.ModuleLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A repository the user has checked out ({@code aegis pr-plan --repo PATH}), read at commits named
 * the way {@code git rev-parse} names them ({@code main}, {@code origin/main}, {@code HEAD~1}, a
 * tag, a commit id), without touching its working tree or index.
 */
public final class GitRepository implements AutoCloseable {
  private final Repository repo;

  private GitRepository(Repository repo) {
    this.repo = repo;
  }

  /** The repository that {@code dir} is in (found upwards, as git does). */
  public static GitRepository open(Path dir) throws GitSourceException {
    var builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new GitSourceException(Code.AEG310, dir.toString(), dir + " is not in a git repository")
          .withHint("run it in a clone of the repository, or pass --repo PATH");
    }
    try {
      return new GitRepository(builder.setMustExist(true).build());
    } catch (IOException e) {
      throw new GitSourceException(Code.AEG310, dir.toString(), "cannot open the git repository at " + builder.getGitDir() + ": "
          + GitCache.describe(e), e);
    }
  }

  /** The files of the commit {@code ref} names; stdlib modules come from {@code stdlib}. */
  public CommitFiles at(String ref, ModuleLoader stdlib) throws GitSourceException {
    String shown = "--base/--head " + ref;
    try (var walk = new RevWalk(repo)) {
      ObjectId id;
      try {
        id = repo.resolve(ref + "^{commit}");
      } catch (AmbiguousObjectException e) {
        throw new GitSourceException(Code.AEG312, shown, "`" + ref + "` is ambiguous: it starts " + e.getCandidates().size()
            + " objects").withHint("give more digits of the commit id");
      } catch (RevisionSyntaxException e) {
        throw new GitSourceException(Code.AEG312, shown, "`" + ref + "` is not a revision git understands: " + GitCache.describe(e));
      }
      if (id == null) {
        var error = new GitSourceException(Code.AEG312, shown, "no commit `" + ref + "` in " + repo.getDirectory());
        var tags = RefResolver.nearestTags(repo, ref);
        if (!tags.isEmpty()) error.withHint("nearest tags: " + String.join(", ", tags));
        throw error.withHint("in CI, fetch the whole history (actions/checkout with fetch-depth: 0) so that the base exists");
      }
      return new CommitFiles(repo, walk.parseCommit(id), stdlib);
    } catch (IOException e) {
      throw new GitSourceException(Code.AEG312, shown, "cannot read `" + ref + "`: " + GitCache.describe(e), e);
    }
  }

  /** Every path whose file differs between two commits of this repository: added, deleted or changed. */
  public Set<String> changedPaths(CommitFiles base, CommitFiles head) throws GitSourceException {
    var out = new TreeSet<String>();
    try (var walk = new TreeWalk(repo)) {
      walk.addTree(base.revCommit().getTree());
      walk.addTree(head.revCommit().getTree());
      walk.setRecursive(true);
      walk.setFilter(TreeFilter.ANY_DIFF);
      while (walk.next()) out.add(walk.getPathString());
    } catch (IOException e) {
      throw new GitSourceException(Code.AEG312, repo.getDirectory().toString(), "cannot compare " + base.commit() + " with "
          + head.commit() + ": " + GitCache.describe(e), e);
    }
    return out;
  }

  @Override
  public void close() {
    repo.close();
  }
}
