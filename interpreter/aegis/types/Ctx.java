package aegis.types;

/**
 * Where an expression or statement is being checked.
 *
 * @param scope      the names visible
 * @param effects    where the effects of calls go (the step's, the function's, or the file's)
 * @param inStep     inside a {@code step} (writes allowed, steps not)
 * @param inFunction inside a {@code fn} body (writes allowed: the call site is checked instead)
 * @param inParallel inside a {@code for ... parallel} loop
 */
record Ctx(Scope scope, EffectSink effects, boolean inStep, boolean inFunction, boolean inParallel) {
  static Ctx top(Scope scope, EffectSink effects) { return new Ctx(scope, effects, false, false, false); }

  Ctx withScope(Scope s) { return new Ctx(s, effects, inStep, inFunction, inParallel); }

  Ctx inStep(Scope s, EffectSink sink) { return new Ctx(s, sink, true, inFunction, inParallel); }

  Ctx inParallel(Scope s) { return new Ctx(s, effects, inStep, inFunction, true); }

  /** Whether a call that writes may happen here. */
  boolean mayWrite() { return inStep || inFunction; }
}
