package aegis.types;

import aegis.syntax.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names visible in a region of a file: a block, a lambda, a function body, the file, its imports, core. */
final class Scope {
  private final Scope parent;
  private final Span region;
  private final Map<String, Binding> names = new LinkedHashMap<>();

  Scope(Scope parent, Span region) {
    this.parent = parent;
    this.region = region;
  }

  Scope child(Span childRegion) { return new Scope(this, childRegion); }

  Scope parent() { return parent; }

  /** The source region the scope covers, or null for the scopes above the file (core, imports). */
  Span region() { return region; }

  /** The binding declared in this very scope, or null. */
  Binding local(String name) { return names.get(name); }

  /** The innermost binding of {@code name}, or null. */
  Binding lookup(String name) {
    for (var s = this; s != null; s = s.parent) {
      var b = s.names.get(name);
      if (b != null) return b;
    }
    return null;
  }

  void put(String name, Binding binding) { names.put(name, binding); }

  /** The bindings of this scope only, in declaration order. */
  Map<String, Binding> bindings() { return names; }

  /** Every name visible here, innermost first (for "did you mean"). */
  List<String> visibleNames() {
    var out = new ArrayList<String>();
    for (var s = this; s != null; s = s.parent) out.addAll(s.names.keySet());
    return out;
  }
}
