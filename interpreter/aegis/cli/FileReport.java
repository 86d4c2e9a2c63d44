package aegis.cli;

import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.Severity;
import java.util.List;

/**
 * What {@code aegis check} found in one file (or in one path that gave no file).
 *
 * @param path        the file as shown to the user
 * @param status      whether it was checked or could not be used at all
 * @param diagnostics in source order
 */
record FileReport(String path, Status status, List<Diagnostic> diagnostics) {
  /** {@code REJECTED}: missing, unreadable, binary, not UTF-8, too large, or a directory without sources. */
  enum Status { CHECKED, REJECTED }

  FileReport {
    diagnostics = List.copyOf(diagnostics);
  }

  long errors() { return diagnostics.stream().filter(Diagnostic::isError).count(); }

  long warnings() { return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count(); }
}
