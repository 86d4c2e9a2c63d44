package aegis.prplan;

import aegis.source.LoadResult;
import aegis.source.git.CommitFiles;
import aegis.syntax.SourceFile;
import aegis.types.ModuleLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The files of a commit, noting every path that is looked for or read while a sink is set: what a
 * runbook's check and plan depend on (its imports, the runbooks it runs, the environment and the
 * places it was looked for, templates). A runbook none of whose probed paths changed between two
 * commits plans the same at both, so only runbooks that probed a changed path are planned twice.
 */
final class ProbingLoader implements ModuleLoader {
  private final CommitFiles files;
  private volatile Set<String> sink;

  ProbingLoader(CommitFiles files) {
    this.files = files;
  }

  CommitFiles files() { return files; }

  /** Notes paths into {@code into} (a thread-safe set: a plan reads templates from parallel loops) until {@link #stop}. */
  void record(Set<String> into) { sink = into; }

  void stop() { sink = null; }

  @Override
  public SourceFile stdlib(String name) { return files.stdlib(name); }

  @Override
  public Set<String> stdlibNames() { return files.stdlibNames(); }

  @Override
  public boolean exists(Path path) {
    note(path);
    return files.exists(path);
  }

  @Override
  public LoadResult read(Path path, String name) {
    note(path);
    return files.read(path, name);
  }

  @Override
  public List<Path> list(Path dir) { return files.list(dir); }

  private void note(Path path) {
    Set<String> into = sink;
    String inRepo = files.repoPath(path);
    if (into != null && inRepo != null) into.add(inRepo);
  }
}
