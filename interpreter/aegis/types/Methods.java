package aegis.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Method syntax: {@code x.f(args)} calls the function {@code f} whose first parameter accepts
 * {@code x}, found in the module being checked, the module declaring {@code x}'s type (or its
 * elements' type), then core. Also what completion offers after {@code x.}.
 */
final class Methods {
  /** What looking for {@code f} gave: a function that accepts the value, or at least one named so. */
  record Lookup(Symbol accepting, Symbol named) {}

  private final FileContext fc;

  Methods(FileContext fc) { this.fc = fc; }

  /** The function {@code name} that method syntax on a value of type {@code base} calls. */
  Lookup find(Type base, String name) {
    Symbol named = null;
    for (var module : modules(base)) {
      var s = function(module, name);
      if (s == null) continue;
      if (named == null) named = s;
      if (acceptsFirst(s, base)) return new Lookup(s, named);
    }
    return new Lookup(null, named);
  }

  /** Every function method syntax could call on a value of type {@code base}, by name (first found wins). */
  List<Symbol> all(Type base) {
    var out = new LinkedHashMap<String, Symbol>();
    for (var module : modules(base)) {
      for (var s : functions(module)) if (acceptsFirst(s, base)) out.putIfAbsent(s.name(), s);
    }
    return new ArrayList<>(out.values());
  }

  List<String> names(Type base) { return all(base).stream().map(Symbol::name).toList(); }

  private List<String> modules(Type base) {
    var out = new LinkedHashSet<String>();
    if (fc.moduleName != null) out.add(fc.moduleName);
    var declaring = declaringModule(base);
    if (declaring != null) out.add(declaring);
    out.add(Types.CORE);
    return List.copyOf(out);
  }

  private static String declaringModule(Type t) {
    return switch (t) {
      case RecordType r -> r.module();
      case EnumType e -> e.module();
      case Type.ListType l -> declaringModule(l.element());
      case Type.MapType m -> declaringModule(m.value());
      case Type.OptionalType o -> declaringModule(o.inner());
      default -> null;
    };
  }

  /** A function of a module by name: the file being checked, core, a stdlib module or a file module. */
  private Symbol function(String module, String name) {
    if (module.equals(fc.moduleName)) {
      var b = fc.fileScope == null ? null : fc.fileScope.local(name);
      var s = b == null ? null : b.symbol();
      return s != null && s.isFunction() ? s : null;
    }
    var info = fc.session.module(module, fc.core);
    var s = info == null ? null : info.member(name);
    return s != null && s.isFunction() ? s : null;
  }

  private List<Symbol> functions(String module) {
    if (module.equals(fc.moduleName)) {
      if (fc.fileScope == null) return List.of();
      return fc.fileScope.bindings().values().stream().map(Binding::symbol).filter(Symbol::isFunction).toList();
    }
    var info = fc.session.module(module, fc.core);
    return info == null ? List.of() : info.functions();
  }

  private static boolean acceptsFirst(Symbol fn, Type base) {
    var sig = fn.signature();
    if (sig == null || sig.params().isEmpty()) return false;
    var first = Types.substitute(sig.params().getFirst().type(), Unifier.instantiate(sig.typeParams()));
    return new Unifier().unify(first, base);
  }
}
