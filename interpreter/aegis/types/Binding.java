package aegis.types;

import java.util.function.Supplier;

/**
 * A name in a scope and what it denotes. Module-level functions and constants are bound lazily:
 * their symbol (result type, effect) is worked out from their body the first time it is needed,
 * so declarations may refer to each other in any order.
 */
final class Binding {
  /** Which unused bindings deserve a warning, and how the warning names them. */
  enum Unused { IGNORE, LET, PARAM, IMPORT }

  private Symbol symbol;
  private Supplier<Symbol> lazy;
  private final Unused unused;
  private boolean used;

  Binding(Symbol symbol, Unused unused) {
    this.symbol = symbol;
    this.unused = unused;
  }

  /** A binding whose symbol is computed on first use; {@code placeholder} serves until then. */
  static Binding lazy(Symbol placeholder, Supplier<Symbol> resolve) {
    var b = new Binding(placeholder, Unused.IGNORE);
    b.lazy = resolve;
    return b;
  }

  Symbol symbol() {
    if (lazy != null) {
      var resolve = lazy;
      lazy = null;
      symbol = resolve.get();
    }
    return symbol;
  }

  /** The symbol as known now, without resolving it (for listings and recursion). */
  Symbol peek() { return symbol; }

  void markUsed() { used = true; }

  boolean used() { return used; }

  Unused unused() { return unused; }
}
