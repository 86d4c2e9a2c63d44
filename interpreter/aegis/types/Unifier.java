package aegis.types;

import aegis.types.Type.ErrorType;
import aegis.types.Type.FunctionType;
import aegis.types.Type.ListType;
import aegis.types.Type.MapType;
import aegis.types.Type.NullType;
import aegis.types.Type.OptionalType;
import aegis.types.Type.TypeVar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Infers the type arguments of one call of a generic function: parameter types (with the call's
 * own fresh type variables) are matched against argument types, binding each variable the first
 * time it is met. Bound variables then check later arguments like any other type.
 */
final class Unifier {
  private static final AtomicInteger IDS = new AtomicInteger();

  private final Map<TypeVar, Type> bindings = new HashMap<>();

  /** A type variable no other declaration or call shares. */
  static TypeVar freshVar(String name) { return new TypeVar(name, IDS.incrementAndGet()); }

  /** Fresh variables for one call of a generic signature: old variable to new. */
  static Map<TypeVar, Type> instantiate(List<TypeVar> typeParams) {
    var out = new HashMap<TypeVar, Type>();
    for (var v : typeParams) out.put(v, freshVar(v.name()));
    return out;
  }

  /** Matches a parameter type against an argument's type; false when the argument does not fit. */
  boolean unify(Type param, Type actual) {
    if (actual instanceof ErrorType) return true;
    if (param instanceof TypeVar v) {
      if (bindings.containsKey(v)) return unify(bindings.get(v), actual);
      if (actual instanceof NullType || actual.equals(v)) return true;
      if (!Types.isValue(actual) || Types.mentions(actual, v)) return false;
      bindings.put(v, actual);
      return true;
    }
    return switch (param) {
      case OptionalType o -> actual instanceof NullType
          || unify(o.inner(), actual instanceof OptionalType a ? a.inner() : actual);
      case ListType l -> actual instanceof ListType a && unify(l.element(), a.element());
      case MapType m -> actual instanceof MapType a && unify(m.value(), a.value());
      case FunctionType f -> actual instanceof FunctionType a && a.params().size() == f.params().size()
          && unifyAll(f.params(), a.params()) && (f.result() instanceof Type.UnitType || unify(f.result(), a.result()));
      default -> Types.assignable(actual, param);
    };
  }

  private boolean unifyAll(List<Type> params, List<Type> actuals) {
    for (int i = 0; i < params.size(); i++) if (!unify(params.get(i), actuals.get(i))) return false;
    return true;
  }

  /** The type with every variable bound so far replaced. */
  Type apply(Type t) { return Types.substitute(t, bindings); }

  boolean isBound(TypeVar v) { return bindings.containsKey(v); }
}
