package aegis.source.git;

import aegis.exec.Workspace;
import aegis.types.Checker;
import aegis.types.ModuleRegistry;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;

/**
 * A git runbook opened at its commit: the files of that commit (runbook, modules, runbooks it runs,
 * environments and templates all come from here) and how the commit was found. Close it when the
 * run or plan is done: it holds the cached repository open.
 */
public final class Snapshot implements AutoCloseable {
  private final GitUrl url;
  private final String describe;
  private final CommitFiles files;
  private final Verification verification;

  Snapshot(GitUrl url, String describe, CommitFiles files, Verification verification) {
    this.url = url;
    this.describe = describe;
    this.files = files;
    this.verification = verification;
  }

  /** The runbook as it was asked for (with the ref as given, not the commit). */
  public GitUrl url() { return url; }

  /** The commit every file is read from, 40 hex digits. */
  public String commit() { return files.commit(); }

  /** What the ref named: {@code tag v1.2}, {@code branch main}, {@code commit 1a2b3c4d5e6f}. */
  public String describe() { return describe; }

  public CommitFiles files() { return files; }

  /** Where the runbook is read from: its path in the repository under {@link CommitFiles#root()}. */
  public Path runbookPath() { return files.pathOf(url.path()); }

  /**
   * A workspace over the commit: the runbook, its environment (an {@code --env NAME} is
   * {@code environments/NAME.aegis} in the commit), modules, runbooks it runs and templates are all
   * read from it; plans and journals name the runbook by its URL and record the commit.
   */
  public Workspace workspace() {
    var origin = Workspace.Origin.git(url.text(), commit(), files.root());
    return new Workspace(new Checker(new ModuleRegistry(files)), files.root(), origin);
  }

  /** The signature that was accepted, or null when none was required. */
  public Verification verification() { return verification; }

  @Override
  public void close() {
    Repository repo = files.repository();
    repo.close();
  }
}
