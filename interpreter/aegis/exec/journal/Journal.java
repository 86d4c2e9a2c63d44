package aegis.exec.journal;

import aegis.exec.journal.JournalRecord.RunStarted;
import aegis.exec.journal.JournalRecord.StepFinished;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A run's journal as read from disk: every whole record, in order.
 *
 * @param records    the records up to the last whole one
 * @param validBytes the length of the file up to and including the last whole record's newline
 * @param totalBytes the length of the file; more than {@code validBytes} when it is torn
 * @param tornTail   whether the unread bytes are a torn last record (no newline after them: a
 *                   crash while appending), as opposed to damage in the middle of the file
 */
public record Journal(RunId runId, List<JournalRecord> records, long validBytes, long totalBytes, boolean tornTail) {
  public Journal {
    records = List.copyOf(records);
  }

  /** Whether the file holds bytes after the last whole record (see {@link #tornTail}). */
  public boolean torn() { return totalBytes > validBytes; }

  /** The {@link RunStarted} record, if the journal got as far as its first record. */
  public Optional<RunStarted> header() {
    return records.isEmpty() || !(records.getFirst() instanceof RunStarted started)
        ? Optional.empty() : Optional.of(started);
  }

  /**
   * The steps a resume must not run again: those whose latest {@link StepFinished} says they
   * completed ({@link StepOutcome#completes()}). A step that completed and later failed (run
   * again after an earlier resume, say) is not complete: the latest outcome decides.
   */
  public Set<StepId> completedSteps() {
    Set<StepId> done = new LinkedHashSet<>();
    for (JournalRecord record : records) {
      if (record instanceof StepFinished finished) {
        if (finished.outcome().completes()) done.add(finished.step());
        else done.remove(finished.step());
      }
    }
    return done;
  }
}
