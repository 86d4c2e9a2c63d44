package aegis.exec.journal;

import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a run's journal. A journal starts with {@link RunStarted}; then, in the order they
 * happened, step starts and ends, actions, checks, approvals, window overrides, the run's end,
 * and after a crash or an approval stop a {@link RunResumed} and more of the same.
 *
 * <p>Fields documented as nullable may be {@code null}; every other field is required. Strings
 * are stored as given, except that {@link JournalWriter} replaces secret values in every string
 * (field values and object keys, at any depth) with {@link SecretRegistry#REDACTED}.
 *
 * <p>On disk each record is a JSON object with a {@code type} member (the names in
 * {@link JournalCodec}); readers keep records of a type they do not know as {@link Unknown}.
 */
public sealed interface JournalRecord {
  /** When it happened (for {@link Unknown}: when it says it happened, or {@code null}). */
  Instant at();

  /**
   * The first record of every journal.
   *
   * @param runbookPath   the runbook as given ({@code runbooks/deploy.aegis} or a {@code git+} URL)
   * @param contentSha256 hex SHA-256 of the runbook text that ran
   * @param gitCommit     nullable: the commit the runbook came from, when known
   * @param environment   the environment's name (the one that is locked)
   * @param inputs        the params as a JSON object, Secret-typed values already redacted by the
   *                      evaluator (the writer redacts known secret values again)
   * @param by            who started it
   * @param planId        nullable: the saved plan applied, if any
   * @param planHash      nullable: hex SHA-256 of that plan document
   */
  record RunStarted(Instant at, RunId runId, String runbookPath, String contentSha256, String gitCommit,
                    String environment, JsonNode inputs, Identity by, String aegisVersion, String planId,
                    String planHash) implements JournalRecord {
    public RunStarted {
      requireAll(at, runId, runbookPath, contentSha256, environment, by, aegisVersion);
      inputs = copy(inputs);
    }
  }

  /**
   * A run continues in a new process ({@code aegis resume}).
   *
   * @param skipping       the steps already completed, which this process will not run again
   * @param discardedBytes bytes of a torn last record that were cut off before this one was
   *                       appended (0 when the journal ended cleanly)
   */
  record RunResumed(Instant at, Identity by, String aegisVersion, List<StepId> skipping, long discardedBytes)
      implements JournalRecord {
    public RunResumed {
      requireAll(at, by, aegisVersion);
      skipping = List.copyOf(skipping);
    }
  }

  /** One attempt (1-based; retries count up) of a step begins. */
  record StepStarted(Instant at, StepId step, String name, int attempt) implements JournalRecord {
    public StepStarted { requireAll(at, step, name); }
  }

  /**
   * One attempt of a step ended.
   *
   * @param message nullable: the failure or warning, for people
   */
  record StepFinished(Instant at, StepId step, int attempt, StepOutcome outcome, Duration duration, String message)
      implements JournalRecord {
    public StepFinished { requireAll(at, step, outcome, duration); }
  }

  /**
   * A write or destructive call was applied.
   *
   * @param operation the function called, e.g. {@code k8s.ensureSecret}
   * @param target    what it changed, e.g. {@code Secret aegis/postgresql-secret}
   * @param before    the live state before, or JSON {@code null} if it did not exist
   * @param after     the state after, or JSON {@code null} if it was deleted
   */
  record ActionApplied(Instant at, StepId step, String operation, String target, Effect effect, JsonNode before,
                       JsonNode after) implements JournalRecord {
    public ActionApplied {
      requireAll(at, step, operation, target, effect);
      before = copy(before);
      after = copy(after);
    }
  }

  /** What a failed {@code check} does: {@code else fail} or {@code else warn}. */
  enum CheckKind { FAIL, WARN }

  /**
   * A {@code check} was evaluated.
   *
   * @param step      nullable: the enclosing step, if any
   * @param condition the condition's source text
   * @param message   nullable: the {@code else} message (recorded when it failed)
   */
  record CheckResult(Instant at, StepId step, String condition, CheckKind kind, boolean passed, String message)
      implements JournalRecord {
    public CheckResult { requireAll(at, condition, kind); }
  }

  /**
   * The run stopped at an {@code approve} gate.
   *
   * @param step nullable: the enclosing step, if any
   * @param name the gate's text ("why a person must look")
   */
  record ApprovalWaiting(Instant at, StepId step, String name) implements JournalRecord {
    public ApprovalWaiting { requireAll(at, name); }
  }

  /**
   * An {@code approve} gate was passed.
   *
   * @param step nullable: the enclosing step, if any
   * @param by   who approved it
   */
  record ApprovalGranted(Instant at, StepId step, String name, String by) implements JournalRecord {
    public ApprovalGranted { requireAll(at, name, by); }
  }

  /**
   * The run went ahead outside its change window.
   *
   * @param window the window, as people read it (e.g. {@code Tue-Thu 09:00-16:00 Europe/Berlin})
   * @param reason the reason the operator gave
   */
  record WindowOverridden(Instant at, String window, String reason, String by) implements JournalRecord {
    public WindowOverridden { requireAll(at, window, reason, by); }
  }

  /**
   * The run (or this process's share of it) ended.
   *
   * @param summary nullable: one line for people
   */
  record RunFinished(Instant at, RunOutcome outcome, String summary) implements JournalRecord {
    public RunFinished { requireAll(at, outcome); }
  }

  /**
   * A record this version cannot decode (a newer type, or an older shape), kept as it was read.
   *
   * @param type nullable: its {@code type} member, if it had a textual one
   * @param raw  the whole JSON object
   */
  record Unknown(Instant at, String type, JsonNode raw) implements JournalRecord {
    public Unknown {
      Objects.requireNonNull(raw, "raw");
      raw = raw.deepCopy();
    }
  }

  private static void requireAll(Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) throw new NullPointerException("journal record field #" + (i + 1) + " is required");
    }
  }

  /** Records are values: a caller's later change to a JSON tree must not change a record. */
  private static JsonNode copy(JsonNode node) {
    return node == null ? NullNode.getInstance() : node.deepCopy();
  }
}
