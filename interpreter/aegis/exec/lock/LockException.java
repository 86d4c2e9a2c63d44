package aegis.exec.lock;

import java.util.Optional;

/**
 * An environment lock operation was refused. The message says why, names the holder when there
 * is one, and says what to do; it is meant to be shown to the operator as it is.
 */
public class LockException extends Exception {
  private final transient LockHolder holder;

  public LockException(String message, LockHolder holder) {
    super(message);
    this.holder = holder;
  }

  /** The lock's holder at the time, if it had one. */
  public Optional<LockHolder> holder() { return Optional.ofNullable(holder); }
}
