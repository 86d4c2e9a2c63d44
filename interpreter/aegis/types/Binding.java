package aegis.types;

import java.util.function.Function;

/**
 * A name in a scope and what it denotes. Module-level functions and constants are bound lazily:
 * their symbol (result type, effect) is worked out from their body the first time it is needed,
 * so declarations may refer to each other in any order. A use while the body is being worked out
 * (recursion) sees the placeholder and is remembered, so the declaration can report it.
 */
final class Binding {
  /** Which unused bindings deserve a warning, and how the warning names them. */
  enum Unused { IGNORE, LET, PARAM, IMPORT }

  private Symbol symbol;
  private Function<Binding, Symbol> lazy;
  private final Unused unused;
  private boolean used;
  private boolean resolving;
  private boolean recursiveUse;

  Binding(Symbol symbol, Unused unused) {
    this.symbol = symbol;
    this.unused = unused;
  }

  /** A binding whose symbol {@code resolve} computes on first use; {@code placeholder} serves until then. */
  static Binding lazy(Symbol placeholder, Function<Binding, Symbol> resolve) {
    var b = new Binding(placeholder, Unused.IGNORE);
    b.lazy = resolve;
    return b;
  }

  Symbol symbol() {
    if (resolving) {
      recursiveUse = true;
      return symbol;
    }
    if (lazy != null) {
      var resolve = lazy;
      lazy = null;
      resolving = true;
      try {
        symbol = resolve.apply(this);
      } finally {
        resolving = false;
      }
    }
    return symbol;
  }

  /** The symbol as known now, without resolving it (for listings and messages). */
  Symbol peek() { return symbol; }

  /** Whether the symbol was asked for while it was being resolved (the declaration refers to itself). */
  boolean recursiveUse() { return recursiveUse; }

  void markUsed() { used = true; }

  boolean used() { return used; }

  Unused unused() { return unused; }
}
