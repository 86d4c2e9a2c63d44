package aegis.exec.journal;

/** How one attempt of a step ended. */
public enum StepOutcome {
  OK, FAILED, WARNED, SKIPPED, TIMED_OUT;

  /** Whether a step that ended this way is done: a resume does not run it again. */
  public boolean completes() {
    return switch (this) {
      case OK, WARNED, SKIPPED -> true;
      case FAILED, TIMED_OUT -> false;
    };
  }
}
