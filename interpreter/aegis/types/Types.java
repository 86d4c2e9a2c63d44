package aegis.types;

import aegis.types.Type.ErrorType;
import aegis.types.Type.FunctionType;
import aegis.types.Type.ListType;
import aegis.types.Type.MapType;
import aegis.types.Type.NullType;
import aegis.types.Type.OptionalType;
import aegis.types.Type.Prim;
import aegis.types.Type.TypeVar;
import aegis.types.Type.UnitType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** The relations between types: assignability, optionals, substitution, what a type may hold. */
public final class Types {
  private Types() {}

  /** The name of the core module, whose declarations are in scope everywhere without a prefix. */
  public static final String CORE = "core";

  static String qualified(String module, String name) {
    return module == null || module.equals(CORE) ? name : module + "." + name;
  }

  /** {@code T?}, flattened: {@code T??} is {@code T?}, and an optional of an error is an error. */
  public static Type optional(Type t) {
    return switch (t) {
      case OptionalType o -> o;
      case NullType n -> n;
      case ErrorType e -> e;
      default -> new OptionalType(t);
    };
  }

  /** The type without its {@code ?}. */
  public static Type nonNull(Type t) {
    return t instanceof OptionalType o ? o.inner() : t;
  }

  public static boolean isError(Type t) { return t instanceof ErrorType; }

  /**
   * Whether a value of type {@code from} may be used where {@code to} is expected. There are no
   * implicit conversions; the only widenings are {@code String} to {@code Secret}, {@code T} and
   * {@code null} to {@code T?}, element-wise for lists, maps and functions, and any function result
   * where nothing ({@code Unit}) is expected.
   */
  public static boolean assignable(Type from, Type to) {
    if (from instanceof ErrorType || to instanceof ErrorType) return true;
    if (from.equals(to)) return true;
    if (from == Prim.STRING && to == Prim.SECRET) return true;
    return switch (to) {
      case OptionalType o -> from instanceof NullType
          || (from instanceof OptionalType f ? assignable(f.inner(), o.inner()) : assignable(from, o.inner()));
      case ListType l -> from instanceof ListType f && assignable(f.element(), l.element());
      case MapType m -> from instanceof MapType f && assignable(f.value(), m.value());
      case FunctionType fn -> from instanceof FunctionType f && f.params().size() == fn.params().size()
          && paramsAccept(fn, f) && (fn.result() instanceof UnitType || assignable(f.result(), fn.result()));
      default -> false;
    };
  }

  private static boolean paramsAccept(FunctionType expected, FunctionType actual) {
    for (int i = 0; i < expected.params().size(); i++) {
      if (!assignable(expected.params().get(i), actual.params().get(i))) return false;
    }
    return true;
  }

  /** The type with its article, for messages: {@code an `Int`}, {@code a `String`}. */
  public static String a(Type t) {
    String name = t.display();
    boolean vowel = !name.isEmpty() && "AEIOUaeiou".indexOf(name.charAt(0)) >= 0;
    return (vowel ? "an `" : "a `") + name + "`";
  }

  /** Whether a value of this type holds a {@code Secret} anywhere (in a field, element or entry). */
  public static boolean containsSecret(Type t) {
    return containsSecret(t, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean containsSecret(Type t, Set<RecordType> seen) {
    return switch (t) {
      case Prim p -> p == Prim.SECRET;
      case ListType l -> containsSecret(l.element(), seen);
      case MapType m -> containsSecret(m.value(), seen);
      case OptionalType o -> containsSecret(o.inner(), seen);
      case RecordType r -> seen.add(r) && r.fields().stream().anyMatch(f -> containsSecret(f.type(), seen));
      default -> false;
    };
  }

  /** Whether the type mentions a type variable. */
  public static boolean containsVar(Type t) {
    return switch (t) {
      case TypeVar v -> true;
      case ListType l -> containsVar(l.element());
      case MapType m -> containsVar(m.value());
      case OptionalType o -> containsVar(o.inner());
      case FunctionType f -> containsVar(f.result()) || f.params().stream().anyMatch(Types::containsVar);
      default -> false;
    };
  }

  /** Whether {@code v} occurs in {@code t}. */
  public static boolean mentions(Type t, TypeVar v) {
    return switch (t) {
      case TypeVar w -> w.equals(v);
      case ListType l -> mentions(l.element(), v);
      case MapType m -> mentions(m.value(), v);
      case OptionalType o -> mentions(o.inner(), v);
      case FunctionType f -> mentions(f.result(), v) || f.params().stream().anyMatch(p -> mentions(p, v));
      default -> false;
    };
  }

  /** Replaces the type variables bound in {@code s}; unbound ones stay. */
  public static Type substitute(Type t, Map<TypeVar, Type> s) {
    if (s.isEmpty()) return t;
    return switch (t) {
      case TypeVar v -> s.containsKey(v) ? substitute(s.get(v), s) : v;
      case ListType l -> new ListType(substitute(l.element(), s));
      case MapType m -> new MapType(substitute(m.value(), s));
      case OptionalType o -> optional(substitute(o.inner(), s));
      case FunctionType f -> new FunctionType(f.params().stream().map(p -> substitute(p, s)).toList(),
          substitute(f.result(), s));
      default -> t;
    };
  }

  /** Values that print as one cell: numbers, strings, durations, quantities, booleans, enum members. */
  public static boolean isScalar(Type t) {
    return t instanceof Prim || t instanceof EnumType;
  }

  /** Types whose values may be compared with {@code < <= > >=}. */
  public static boolean isOrdered(Type t) {
    return t == Prim.INT || t == Prim.FLOAT || t == Prim.DURATION || t == Prim.QUANTITY || t == Prim.STRING;
  }

  /** Types that are data (may be stored in a let, passed, compared, printed). */
  public static boolean isValue(Type t) {
    return !(t instanceof UnitType || t instanceof Type.ModuleType);
  }
}
