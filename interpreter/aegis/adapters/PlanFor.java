package aegis.adapters;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks how a {@code write} or {@code destructive} extern is planned: the method reads live state
 * (never changes it) and says what the call would do. Signature:
 * {@code public ActionPreview name(CallContext ctx, Args args)}. Without one, the planner records
 * the call with its arguments and no live state.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PlanFor {
  /** The extern's name in its module. */
  String value();
}
