package aegis.exec;

import aegis.exec.journal.JournalRecord;
import aegis.exec.journal.JournalWriter;
import aegis.exec.journal.StepId;
import aegis.exec.journal.StepOutcome;
import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Writes what a run does to its journal, one record per event, each forced to disk before the run
 * goes on: if the process dies, the journal says how far it got.
 */
final class JournalListener implements RunListener {
  private final JournalWriter writer;
  private final Clock clock;

  JournalListener(JournalWriter writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public void stepStarted(StepRef step, int attempt) {
    append(new JournalRecord.StepStarted(clock.instant(), step.id(), step.name(), attempt));
  }

  @Override
  public void stepFinished(StepRef step, int attempt, StepOutcome outcome, Duration took, String message) {
    append(new JournalRecord.StepFinished(clock.instant(), step.id(), attempt, outcome, took, message));
  }

  @Override
  public void applied(StepRef step, String call, Effect effect, String target, JsonNode before, JsonNode after) {
    append(new JournalRecord.ActionApplied(clock.instant(), idOf(step), call, target, effect, before, after));
  }

  /**
   * Failed and warned checks are journalled; passed ones are not: a step that finished OK says they
   * passed, and a forced write per passing check of a 1 000-service health check would cost seconds.
   */
  @Override
  public void check(StepRef step, String condition, boolean warnOnly, boolean passed, String message) {
    if (passed) return;
    append(new JournalRecord.CheckResult(clock.instant(), step == null ? null : step.id(), condition,
        warnOnly ? JournalRecord.CheckKind.WARN : JournalRecord.CheckKind.FAIL, passed, message));
  }

  @Override
  public void approvalWaiting(StepRef step, String name) {
    append(new JournalRecord.ApprovalWaiting(clock.instant(), step == null ? null : step.id(), name));
  }

  @Override
  public void approvalGranted(StepRef step, String name, String by) {
    append(new JournalRecord.ApprovalGranted(clock.instant(), step == null ? null : step.id(), name, by));
  }

  @Override
  public void windowOverridden(String reason) {
    append(new JournalRecord.WindowOverridden(clock.instant(), "deploy window", reason,
        aegis.exec.journal.Identity.current().toString()));
  }

  /** Writes outside steps are journalled under a pseudo step so that every action has one. */
  private static StepId idOf(StepRef step) {
    return step == null ? new StepId("0:(top level)") : step.id();
  }

  synchronized void append(JournalRecord record) {
    try {
      writer.append(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal: " + e.getMessage(), e);
    }
  }
}
