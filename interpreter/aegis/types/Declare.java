package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.ast.Ident;

/** Puts names into scopes, reporting a name declared twice in the same scope. */
final class Declare {
  private Declare() {}

  /**
   * Declares {@code name} in {@code scope}. A second declaration in the same scope is reported and
   * then replaces the first, so that later uses see the newest.
   */
  static Binding local(FileContext fc, Scope scope, Ident name, Symbol symbol, Binding.Unused unused) {
    var binding = new Binding(symbol, unused);
    put(fc, scope, name, binding);
    return binding;
  }

  static void put(FileContext fc, Scope scope, Ident name, Binding binding) {
    var previous = scope.local(name.name());
    if (previous != null && !name.name().equals("_")) {
      var d = Diagnostic.of(Code.AEG211, name.span(), name.name());
      var first = previous.peek().span();
      if (first != null) d = d.withRelated(first, "first declared here");
      fc.add(d);
    }
    scope.put(name.name(), binding);
    fc.bind(name, binding.peek());
  }
}
