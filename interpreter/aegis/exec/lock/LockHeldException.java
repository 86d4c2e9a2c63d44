package aegis.exec.lock;

/** An environment is locked by another run, which is (or may be) still running. */
public final class LockHeldException extends LockException {
  public LockHeldException(String message, LockHolder holder) {
    super(message, holder);
  }

  /** The run holding the lock. */
  public LockHolder heldBy() { return holder().orElseThrow(); }
}
