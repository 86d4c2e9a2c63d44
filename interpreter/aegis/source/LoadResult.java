package aegis.source;

import aegis.diagnostics.Diagnostic;
import aegis.syntax.SourceFile;

/** What reading one source file gave: its text, or the reason it cannot be used. */
public sealed interface LoadResult {

  /** The file was read and decoded; its text is ready to parse. */
  record Loaded(SourceFile file) implements LoadResult {}

  /**
   * The file cannot be used as aegis source (missing, unreadable, too large, binary, not UTF-8).
   * The diagnostic has one of the file codes (AEG100, AEG106, AEG107, AEG108) and a span at the
   * start of an empty stand-in for the file.
   */
  record Rejected(Diagnostic problem) implements LoadResult {}
}
