package aegis.exec;

import aegis.adapters.CallContext;
import java.time.Clock;
import java.util.Set;

/**
 * How to run: plan or apply, and what the person said on the command line.
 *
 * @param mode           plan (writes become planned actions) or apply (everything runs)
 * @param offline        plan without contacting anything: every read is unknown
 * @param approvals      names given with {@code --approve}: step names whose gates and destructive
 *                       calls are approved in advance
 * @param windowOverride the reason given with {@code --override-window}, or null
 * @param approver       asks a person at an {@code approve} gate; null when there is no terminal
 * @param completed      step ids an earlier process of this run completed (resume): not run again
 */
public record RunOptions(CallContext.Mode mode, boolean offline, Set<String> approvals, String windowOverride,
                         Approver approver, Set<String> completed, Clock clock) {
  public RunOptions {
    approvals = Set.copyOf(approvals);
    completed = Set.copyOf(completed);
    if (clock == null) clock = Clock.systemUTC();
  }

  public static RunOptions plan(boolean offline) {
    return new RunOptions(CallContext.Mode.PLAN, offline, Set.of(), null, null, Set.of(), null);
  }

  public static RunOptions apply() {
    return new RunOptions(CallContext.Mode.APPLY, false, Set.of(), null, null, Set.of(), null);
  }

  public RunOptions withApprovals(Set<String> names) {
    return new RunOptions(mode, offline, names, windowOverride, approver, completed, clock);
  }

  public RunOptions withWindowOverride(String reason) {
    return new RunOptions(mode, offline, approvals, reason, approver, completed, clock);
  }

  public RunOptions withApprover(Approver a) {
    return new RunOptions(mode, offline, approvals, windowOverride, a, completed, clock);
  }

  public RunOptions resuming(Set<String> done) {
    return new RunOptions(mode, offline, approvals, windowOverride, approver, done, clock);
  }

  public RunOptions withClock(Clock c) {
    return new RunOptions(mode, offline, approvals, windowOverride, approver, completed, c);
  }

  public boolean planning() { return mode == CallContext.Mode.PLAN; }

  /** Asks a person whether to pass an {@code approve} gate. */
  @FunctionalInterface
  public interface Approver {
    /** @return who approved, or null when refused */
    String ask(String step, String reason);
  }
}
