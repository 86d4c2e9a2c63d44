package aegis.exec.journal;

/** How a run (or one process's share of it, before a resume) ended. */
public enum RunOutcome {
  SUCCEEDED,
  FAILED,
  /** Stopped at an {@code approve} gate; {@code aegis resume} continues once approved. */
  WAITING,
  CANCELLED
}
