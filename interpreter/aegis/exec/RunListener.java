package aegis.exec;

import aegis.adapters.ActionPreview;
import aegis.diagnostics.Diagnostic;
import aegis.eval.Value;
import aegis.exec.journal.StepOutcome;
import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * What a run tells the world as it goes: the journal, the plan being built and the progress
 * display each listen. Calls may come from several threads at once (parallel loops); listeners
 * synchronise themselves. Values passed here never hold a secret's text (see {@link aegis.eval.ValueJson}).
 */
public interface RunListener {
  default void stepStarted(StepRef step, int attempt) {}

  default void stepFinished(StepRef step, int attempt, StepOutcome outcome, Duration took, String message) {}

  /** A step already completed by an earlier process of this run (resume). */
  default void stepSkipped(StepRef step) {}

  /**
   * A write the plan did not run. {@code conditional} is null, or what unknown value it waits for.
   *
   * @param call     {@code module.function}
   * @param path     the ordinal path of the statement that made the call ({@code 7.2.1}): a stable
   *                 order even when parallel iterations finish in any order
   * @param location where the call is, {@code file:line:col}
   */
  default void planned(StepRef step, String path, String call, Effect effect, ActionPreview preview,
                       String conditional, String location) {}

  /** A write that ran. */
  default void applied(StepRef step, String call, Effect effect, String target, JsonNode before, JsonNode after) {}

  /** A read of live state during a plan (its fingerprint makes a saved plan refusable when stale). */
  default void liveRead(String call, JsonNode args, JsonNode result, String location) {}

  default void check(StepRef step, String condition, boolean warnOnly, boolean passed, String message) {}

  default void approvalWaiting(StepRef step, String name) {}

  default void approvalGranted(StepRef step, String name, String by) {}

  default void windowOverridden(String reason) {}

  /**
   * A {@code report}. Reports with the same title are one table: a loop that reports one row per
   * iteration builds it; {@code path} (the statement's ordinal path) orders the rows.
   */
  default void report(StepRef step, String path, String title, Value value) {}

  /** Fan-out progress: {@code done} of {@code total} iterations of a parallel loop finished. */
  default void fanout(StepRef step, int done, int total) {}

  default void diagnostic(Diagnostic d) {}

  /** A line of progress from inside a call (never a secret). */
  default void progress(StepRef step, String message) {}
}
