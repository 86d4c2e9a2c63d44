package aegis.adapters;

/**
 * The Java side of one stdlib module ({@code stdlib/<name>.aegis}): a class whose
 * {@link Extern}-annotated methods implement the module's extern functions. One class per module.
 */
public interface BuiltinModule {
  /** The module name as imported in aegis source, e.g. {@code "pg"}. */
  String name();

  /**
   * Set-up that this module's first call would otherwise do on the run's critical path and that
   * depends on nothing the call is given (a client library's classes, codecs): a run calls it on a
   * background thread for each module its runbook imports, while it checks the runbook. It contacts
   * nothing and keeps no result a call could see; a failure is ignored (the call sets up for itself).
   * Nothing to prepare by default.
   */
  default void prepare() {}
}
