package aegis.sandbox;

/**
 * The sandbox cannot be used: an environment that is not a loopback sandbox, a port taken by
 * something else, a server that did not start, libraries missing from the classpath. The message
 * says what and what to do; it is shown to the user as it is.
 */
public final class SandboxException extends Exception {
  private final boolean unavailable;
  private final boolean busy;

  public SandboxException(String message) { this(message, null, false, false); }

  public SandboxException(String message, Throwable cause) { this(message, cause, false, false); }

  private SandboxException(String message, Throwable cause, boolean unavailable, boolean busy) {
    super(message, cause);
    this.unavailable = unavailable;
    this.busy = busy;
  }

  /** The sandbox's libraries are not on the classpath: nothing in the environment can fix it. */
  static SandboxException unavailable(String message) { return new SandboxException(message, null, true, false); }

  /** Another process owns the sandbox's ports (it runs a sandbox, or is starting one). */
  static SandboxException busy(String message) { return new SandboxException(message, null, false, true); }

  /** Whether another process owns the sandbox (see {@link #busy(String)}). */
  public boolean busy() { return busy; }

  /** Whether the libraries the sandbox needs are missing (as opposed to a server that failed). */
  public boolean unavailable() { return unavailable; }
}
