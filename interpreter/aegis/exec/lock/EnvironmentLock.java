package aegis.exec.lock;

import java.io.IOException;
import java.util.Optional;

/**
 * An environment lock held by this process for one run; obtained from
 * {@link EnvironmentLocks#acquire}. Close it (or {@link #release()} it) when the run ends.
 *
 * <p>Whether to keep the lock when a run stops at an approval gate is the executor's choice:
 * a lock left behind by a process that has exited is taken over by the next run on this host
 * (with a warning), and must be released with {@code aegis unlock} from any other host.
 */
public final class EnvironmentLock implements AutoCloseable {
  private final EnvironmentLocks locks;
  private final String environment;
  private final LockHolder holder;
  private final String takeoverWarning;
  private boolean released;

  EnvironmentLock(EnvironmentLocks locks, String environment, LockHolder holder, String takeoverWarning) {
    this.locks = locks;
    this.environment = environment;
    this.holder = holder;
    this.takeoverWarning = takeoverWarning;
  }

  public String environment() { return environment; }

  /** What the lock file says about this holder. */
  public LockHolder holder() { return holder; }

  /**
   * Present when the lock was taken over from a run whose process had died on this host: the
   * warning names that run; show it to the operator (that run may have left work half done).
   */
  public Optional<String> takeoverWarning() { return Optional.ofNullable(takeoverWarning); }

  /**
   * Releases the lock if this holder still holds it. Returns {@code false}, touching nothing,
   * when it was meanwhile released with {@code aegis unlock} (and perhaps taken by another run).
   * Releasing twice is harmless.
   */
  public synchronized boolean release() throws IOException {
    if (released) return false;
    released = true;
    return locks.release(environment, holder);
  }

  @Override
  public void close() throws IOException {
    release();
  }
}
