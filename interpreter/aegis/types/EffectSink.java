package aegis.types;

import aegis.syntax.ast.Effect;

/** Accumulates the greatest effect of what a step, a function body or a file calls. */
final class EffectSink {
  private Effect effect = Effect.PURE;

  void add(Effect e) { effect = effect.join(e); }

  Effect effect() { return effect; }
}
