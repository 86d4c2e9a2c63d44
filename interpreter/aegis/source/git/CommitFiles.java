package aegis.source.git;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.source.LoadResult;
import aegis.source.SourceLoader;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.types.ModuleLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one git commit, read straight from the object database (no checkout, no working
 * tree). They appear under {@link #root()}, a directory that exists only for this loader, so the
 * checker, the workspace and template reads resolve paths the way they do on disk; a path outside
 * the root is simply not there. Stdlib modules come from the given loader: the stdlib belongs to
 * aegis, not to the repository. Files are checked like files on disk (size, binary, UTF-8).
 */
public final class CommitFiles implements ModuleLoader {
  private final Repository repo;
  private final RevCommit commit;
  private final Path root;
  private final ModuleLoader stdlib;
  private final SourceLoader checks = new SourceLoader();

  CommitFiles(Repository repo, RevCommit commit, ModuleLoader stdlib) {
    this.repo = repo;
    this.commit = commit;
    this.root = Path.of("/", "aegis-git", commit.name());
    this.stdlib = stdlib;
  }

  /** The commit id, 40 hex digits. */
  public String commit() { return commit.name(); }

  /** Where the commit's files appear: {@code /aegis-git/<commit>}, which is never on disk. */
  public Path root() { return root; }

  /** The path a file of the commit is read at, e.g. {@code runbooks/deploy.aegis} under {@link #root()}. */
  public Path pathOf(String repoPath) { return root.resolve(repoPath).normalize(); }

  /** The path inside the repository ({@code runbooks/deploy.aegis}), or null when {@code path} is outside the commit. */
  public String repoPath(Path path) {
    Path p = root.resolve(path).normalize();
    if (!p.startsWith(root) || p.equals(root)) return null;
    return root.relativize(p).toString().replace('\\', '/');
  }

  @Override
  public SourceFile stdlib(String name) { return stdlib.stdlib(name); }

  @Override
  public Set<String> stdlibNames() { return stdlib.stdlibNames(); }

  @Override
  public boolean exists(Path path) {
    return blob(repoPath(path)) != null;
  }

  @Override
  public LoadResult read(Path path, String name) {
    String inRepo = repoPath(path);
    ObjectId blob = blob(inRepo);
    if (blob == null) {
      return new LoadResult.Rejected(Diagnostic.of(Code.AEG100, Span.fileStart(new SourceFile(name, path, "")),
          "cannot read `" + name + "`: no such file in commit " + RefResolver.short12(commit)));
    }
    try (var reader = repo.newObjectReader()) {
      ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
      long size = loader.getSize();
      if (size > checks.maxBytes()) return checks.fromBytes(path, name, new byte[0], size);
      try (InputStream in = loader.openStream()) {
        return checks.fromBytes(path, name, in.readNBytes((int) size), size);
      }
    } catch (IOException e) {
      return new LoadResult.Rejected(Diagnostic.of(Code.AEG100, Span.fileStart(new SourceFile(name, path, "")),
          "cannot read `" + name + "` from commit " + RefResolver.short12(commit) + ": " + GitCache.describe(e)));
    }
  }

  @Override
  public List<Path> list(Path dir) {
    String inRepo = dir.normalize().equals(root) ? "" : repoPath(dir);
    if (inRepo == null) return List.of();
    var out = new ArrayList<Path>();
    walk(inRepo, false, (repoPath, mode) -> {
      if (repoPath.endsWith(".aegis") && isFile(mode)) out.add(pathOf(repoPath));
    });
    return out.stream().sorted().toList();
  }

  /** Every {@code .aegis} file of the commit, by repository path, sorted; hidden directories are skipped. */
  public List<String> sourceFiles() {
    var out = new ArrayList<String>();
    walk("", true, (repoPath, mode) -> {
      boolean hidden = ("/" + repoPath).contains("/.");
      if (repoPath.endsWith(".aegis") && isFile(mode) && !hidden) out.add(repoPath);
    });
    return out.stream().sorted().toList();
  }

  /** The blob id of a regular file of the commit, or null when there is none at {@code repoPath}. */
  ObjectId blob(String repoPath) {
    if (repoPath == null || repoPath.isEmpty()) return null;
    try (TreeWalk walk = TreeWalk.forPath(repo, repoPath, commit.getTree())) {
      if (walk == null || !isFile(walk.getFileMode(0))) return null;
      return walk.getObjectId(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tree of commit " + commit.name(), e);
    }
  }

  RevCommit revCommit() { return commit; }

  Repository repository() { return repo; }

  private interface Visitor {
    void file(String repoPath, FileMode mode);
  }

  /** Visits the entries of directory {@code dir} ("" for the root), recursively or not. */
  private void walk(String dir, boolean recursive, Visitor visitor) {
    try (var walk = new TreeWalk(repo)) {
      if (dir.isEmpty()) {
        walk.addTree(commit.getTree());
      } else {
        try (TreeWalk at = TreeWalk.forPath(repo, dir, commit.getTree())) {
          if (at == null || at.getFileMode(0) != FileMode.TREE) return;
          walk.addTree(at.getObjectId(0));
        }
      }
      walk.setRecursive(recursive);
      while (walk.next()) {
        String path = dir.isEmpty() ? walk.getPathString() : dir + "/" + walk.getPathString();
        visitor.file(path, walk.getFileMode(0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tree of commit " + commit.name(), e);
    }
  }

  /** Regular and executable files; symbolic links and submodules are not followed. */
  private static boolean isFile(FileMode mode) {
    return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
  }
}
