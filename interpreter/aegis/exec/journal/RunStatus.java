package aegis.exec.journal;

/** Where a run stands, as its journal tells it. */
public enum RunStatus {
  SUCCEEDED,
  FAILED,
  /** Stopped at an approval gate; {@code aegis resume} continues it. */
  WAITING,
  CANCELLED,
  /**
   * No end recorded since it started or last resumed: it is running now, or its process died
   * (the environment lock tells which); {@code aegis resume} continues a dead one.
   */
  UNFINISHED;

  static RunStatus of(RunOutcome outcome) {
    return switch (outcome) {
      case SUCCEEDED -> SUCCEEDED;
      case FAILED -> FAILED;
      case WAITING -> WAITING;
      case CANCELLED -> CANCELLED;
    };
  }
}
