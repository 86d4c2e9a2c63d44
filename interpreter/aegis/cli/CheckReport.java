package aegis.cli;

import java.util.List;

/** The result of one {@code aegis check} run, which the text and JSON writers print. */
record CheckReport(List<FileReport> files) {
  CheckReport {
    files = List.copyOf(files);
  }

  long errors() { return files.stream().mapToLong(FileReport::errors).sum(); }

  long warnings() { return files.stream().mapToLong(FileReport::warnings).sum(); }

  long checked() { return count(FileReport.Status.CHECKED); }

  long rejected() { return count(FileReport.Status.REJECTED); }

  /** 3 when an input could not be used, else 1 when there are errors, else 0 (warnings are fine). */
  ExitCode exitCode() {
    if (rejected() > 0) return ExitCode.BAD_INPUT;
    return errors() > 0 ? ExitCode.FAILURE : ExitCode.OK;
  }

  private long count(FileReport.Status status) {
    return files.stream().filter(f -> f.status() == status).count();
  }
}
