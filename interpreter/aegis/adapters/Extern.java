package aegis.adapters;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the Java implementation of an {@code extern fn} declared in {@code stdlib/<module>.aegis}.
 * The method must be {@code public Value name(CallContext ctx, Args args)}; {@code args} are in
 * declaration order with defaults already filled in. The registry binds declarations to these
 * methods by name, and a test fails the build when either side is missing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Extern {
  /** The function's name in its module, e.g. {@code "vacuumAnalyze"}. */
  String value();
}
