package aegis.exec;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The step the current thread is running, seen by built-in calls deep inside expressions (for the
 * deadline, approvals, and the step their planned actions belong to). Inherited by the virtual
 * threads of a parallel loop.
 *
 * @param conditional null, or why what runs now is only known after apply (an unknown condition)
 */
record StepFrame(StepRef step, Instant deadline, AtomicBoolean approved, AtomicBoolean warned, String conditional) {
  private static final InheritableThreadLocal<StepFrame> CURRENT = new InheritableThreadLocal<>();

  static StepFrame current() { return CURRENT.get(); }

  static StepFrame enter(StepFrame frame) {
    var previous = CURRENT.get();
    CURRENT.set(frame);
    return previous;
  }

  static void restore(StepFrame previous) { CURRENT.set(previous); }

  StepFrame withConditional(String reason) {
    String combined = conditional == null ? reason : conditional + "; " + reason;
    return new StepFrame(step, deadline, approved, warned, combined);
  }

  /** The frame for statements outside any step. */
  static StepFrame topLevel() {
    return new StepFrame(null, null, new AtomicBoolean(), new AtomicBoolean(), null);
  }
}
