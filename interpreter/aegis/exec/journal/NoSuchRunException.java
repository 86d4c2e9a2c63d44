package aegis.exec.journal;

import java.nio.file.NoSuchFileException;

/** There is no journal for the run id asked for. */
public final class NoSuchRunException extends NoSuchFileException {
  private final transient RunId runId;

  public NoSuchRunException(RunId runId, AegisHome home) {
    super(home.runs().toString(), null,
        "no run " + runId + " in " + home.runs() + " (`aegis runs list` shows the runs there)");
    this.runId = runId;
  }

  public RunId runId() { return runId; }

  @Override
  public String getMessage() { return getReason(); }
}
