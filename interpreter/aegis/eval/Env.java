package aegis.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * The values in scope while evaluating: a chain of frames mirroring the checker's scopes. The
 * checker has already resolved every name, so a lookup that fails here is a bug, not user error.
 */
public final class Env {
  private final Env parent;
  private final Map<String, Value> values = new HashMap<>();

  private Env(Env parent) {
    this.parent = parent;
  }

  public static Env root() { return new Env(null); }

  public Env child() { return new Env(this); }

  public Env define(String name, Value value) {
    values.put(name, value);
    return this;
  }

  public Value lookup(String name) {
    for (Env e = this; e != null; e = e.parent) {
      Value v = e.values.get(name);
      if (v != null) return v;
    }
    return null;
  }
}
