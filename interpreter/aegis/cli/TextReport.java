package aegis.cli;

import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.diagnostics.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aegis check} for people: each diagnostic with its source line and carets (through the
 * one {@link DiagnosticRenderer}), at most {@code maxPerFile} per file followed by how many more
 * there are, then a one-line summary.
 */
final class TextReport {
  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String GREEN = "\u001b[1;32m";

  private final PrintWriter out;
  private final boolean color;
  private final int maxPerFile;

  /** {@code maxPerFile} 0 shows every diagnostic. */
  TextReport(PrintWriter out, boolean color, int maxPerFile) {
    this.out = out;
    this.color = color;
    this.maxPerFile = maxPerFile;
  }

  void write(CheckReport report) {
    var renderer = new DiagnosticRenderer(color);
    for (FileReport file : report.files()) {
      List<Diagnostic> all = file.diagnostics();
      int shown = maxPerFile == 0 ? all.size() : Math.min(maxPerFile, all.size());
      for (Diagnostic d : all.subList(0, shown)) {
        out.print(renderer.render(d));
        out.println();
      }
      if (shown < all.size()) {
        out.println("... and " + more(all.subList(shown, all.size())) + " in " + file.path()
            + " (--max-errors 0 shows them all)");
        out.println();
      }
    }
    out.println(summary(report));
  }

  private static String more(List<Diagnostic> hidden) {
    long errors = hidden.stream().filter(Diagnostic::isError).count();
    long warnings = hidden.stream().filter(d -> d.severity() == Severity.WARNING).count();
    long notes = hidden.size() - errors - warnings;
    List<String> parts = new ArrayList<>();
    if (errors > 0) parts.add(count(errors, "more error"));
    if (warnings > 0) parts.add(count(warnings, "more warning"));
    if (notes > 0) parts.add(count(notes, "more note"));
    return String.join(" and ", parts);
  }

  /** e.g. "checked 12 files: 3 errors, 1 warning" or "checked 2 files: no problems; 1 input could not be used". */
  private String summary(CheckReport report) {
    var line = new StringBuilder("checked ").append(count(report.checked(), "file"));
    long errors = report.files().stream()
        .filter(f -> f.status() == FileReport.Status.CHECKED).mapToLong(FileReport::errors).sum();
    long warnings = report.warnings();
    if (report.checked() > 0) {
      line.append(": ");
      if (errors == 0 && warnings == 0) {
        line.append(paint(GREEN, "no problems"));
      } else {
        line.append(paint(errors > 0 ? RED : "", count(errors, "error")));
        if (warnings > 0) line.append(", ").append(paint(YELLOW, count(warnings, "warning")));
      }
    }
    if (report.rejected() > 0) {
      line.append("; ").append(paint(RED, count(report.rejected(), "input") + " could not be used"));
    }
    return line.toString();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private String paint(String code, String text) {
    return color && !code.isEmpty() ? code + text + RESET : text;
  }
}
