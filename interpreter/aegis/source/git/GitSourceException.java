package aegis.source.git;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A runbook cannot be read from git: a malformed URL (AEG310), a remote that cannot be reached
 * (AEG311), a ref that does not exist (AEG312), a path missing at the commit (AEG313) or a
 * signature that is refused (AEG314). The message names what was asked for; hints say what to do.
 */
public final class GitSourceException extends Exception {
  private final Code code;
  private final String source;
  private final List<String> hints = new ArrayList<>();

  /**
   * @param source what the problem is about, shown where a file name would be (the URL as given)
   */
  public GitSourceException(Code code, String source, String message) {
    super(message);
    this.code = code;
    this.source = source;
  }

  public GitSourceException(Code code, String source, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.source = source;
  }

  public Code code() { return code; }

  public List<String> hints() { return List.copyOf(hints); }

  /** Adds a hint (ignored when null or blank); returns this exception. */
  public GitSourceException withHint(String hint) {
    if (hint != null && !hint.isBlank()) hints.add(hint);
    return this;
  }

  /** The problem as a diagnostic at the start of a stand-in for the source, as file problems are. */
  public Diagnostic diagnostic() {
    var d = Diagnostic.of(code, Span.fileStart(SourceFile.virtual(source, "")), getMessage());
    for (String h : hints) d = d.withHint(h);
    return d;
  }
}
