package aegis.adapters;

/**
 * The Java side of one stdlib module ({@code stdlib/<name>.aegis}): a class whose
 * {@link Extern}-annotated methods implement the module's extern functions. One class per module.
 */
public interface BuiltinModule {
  /** The module name as imported in aegis source, e.g. {@code "pg"}. */
  String name();
}
