package aegis.exec.journal;

import aegis.exec.journal.JournalRecord.RunFinished;
import aegis.exec.journal.JournalRecord.RunResumed;
import aegis.exec.journal.JournalRecord.RunStarted;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of {@code aegis runs list}, derived from a journal.
 *
 * @param runbook     nullable: the runbook path, unknown when the journal has no first record
 * @param environment nullable: likewise
 * @param started     nullable: likewise
 * @param duration    from the start to the last record (for a finished run, to its end)
 * @param by          nullable: who started it
 * @param torn        whether the journal ends in a torn record
 */
public record RunSummary(RunId runId, String runbook, String environment, RunStatus status, Instant started,
                         Duration duration, Identity by, boolean torn) {

  /** The summary of {@code journal}. */
  public static RunSummary of(Journal journal) {
    RunStatus status = RunStatus.UNFINISHED;
    Instant last = null;
    for (JournalRecord record : journal.records()) {
      switch (record) {
        case RunFinished finished -> status = RunStatus.of(finished.outcome());
        case RunStarted started -> status = RunStatus.UNFINISHED;
        case RunResumed resumed -> status = RunStatus.UNFINISHED;
        default -> { }
      }
      if (record.at() != null) last = record.at();
    }
    var header = journal.header();
    Instant started = header.map(RunStarted::at).orElse(null);
    Duration duration = started == null || last == null || last.isBefore(started)
        ? Duration.ZERO : Duration.between(started, last);
    return new RunSummary(journal.runId(), header.map(RunStarted::runbookPath).orElse(null),
        header.map(RunStarted::environment).orElse(null), status, started, duration,
        header.map(RunStarted::by).orElse(null), journal.torn());
  }
}
