package aegis.adapters;

/**
 * A failure of an external system that the runbook author must see: a refused connection, bad
 * credentials, a timeout. The message says what failed and what to do; no stack trace is shown.
 */
public class AdapterException extends RuntimeException {
  private final String system;

  public AdapterException(String system, String message) {
    super(message);
    this.system = system;
  }

  public AdapterException(String system, String message, Throwable cause) {
    super(message, cause);
    this.system = system;
  }

  /** The system that failed, e.g. {@code "postgresql"}. */
  public String system() { return system; }
}
