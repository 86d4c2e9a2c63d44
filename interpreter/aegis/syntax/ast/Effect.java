package aegis.syntax.ast;

/**
 * What calling a function may do to the systems it touches. Ordered: the effect of a step is the
 * greatest effect of what it calls.
 */
public enum Effect {
  /** Computes a value; touches nothing. */
  PURE,
  /** Reads live state; runs for real during a plan. */
  READ,
  /** Changes state; planned, not run, during a plan. */
  WRITE,
  /** Changes state in a way that loses data or availability; needs approval to apply. */
  DESTRUCTIVE;

  public Effect join(Effect other) { return compareTo(other) >= 0 ? this : other; }

  public String keyword() { return name().toLowerCase(java.util.Locale.ROOT); }
}
