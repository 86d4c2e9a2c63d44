package aegis.source.git;

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

  /** The signature that was accepted, or null when none was required. */
  public Verification verification() { return verification; }

  @Override
  public void close() {
    Repository repo = files.repository();
    repo.close();
  }
}
