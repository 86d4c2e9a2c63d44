package aegis.types;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The type of an aegis value, as the checker sees it. {@link #display()} spells it the way it is
 * written in source ({@code List<String>}, {@code k8s.Pod}, {@code Int?}, {@code (Pod) -> Bool}).
 *
 * <p>{@link ErrorType} stands for an expression whose error is already reported: it is assignable
 * to and from everything so that one mistake produces one diagnostic.
 */
public sealed interface Type permits Type.Prim, Type.ListType, Type.MapType, Type.OptionalType, Type.FunctionType,
    Type.TypeVar, RecordType, EnumType, Type.ModuleType, Type.NullType, Type.UnitType, Type.ErrorType {

  Prim INT = Prim.INT;
  Prim FLOAT = Prim.FLOAT;
  Prim BOOL = Prim.BOOL;
  Prim STRING = Prim.STRING;
  Prim DURATION = Prim.DURATION;
  Prim QUANTITY = Prim.QUANTITY;
  Prim SECRET = Prim.SECRET;
  NullType NULL = new NullType();
  UnitType UNIT = new UnitType();
  ErrorType ERROR = new ErrorType();

  /** How the type is written in source. */
  String display();

  /** The built-in scalar types. */
  enum Prim implements Type {
    INT("Int"), FLOAT("Float"), BOOL("Bool"), STRING("String"), DURATION("Duration"), QUANTITY("Quantity"),
    SECRET("Secret");

    private final String name;

    Prim(String name) { this.name = name; }

    @Override
    public String display() { return name; }
  }

  /** {@code List<T>} */
  record ListType(Type element) implements Type {
    @Override
    public String display() { return "List<" + element.display() + ">"; }

    @Override
    public String toString() { return display(); }
  }

  /** {@code Map<String, T>}: keys are always strings. */
  record MapType(Type value) implements Type {
    @Override
    public String display() { return "Map<String, " + value.display() + ">"; }

    @Override
    public String toString() { return display(); }
  }

  /** {@code T?}; never nested (an optional of an optional is the optional). Build with {@link Types#optional}. */
  record OptionalType(Type inner) implements Type {
    @Override
    public String display() {
      return inner instanceof FunctionType ? "(" + inner.display() + ")?" : inner.display() + "?";
    }

    @Override
    public String toString() { return display(); }
  }

  /** {@code (A, B) -> R}; {@code R} is {@link #UNIT} for functions that return nothing. */
  record FunctionType(List<Type> params, Type result) implements Type {
    public FunctionType { params = List.copyOf(params); }

    @Override
    public String display() {
      return params.stream().map(Type::display).collect(Collectors.joining(", ", "(", ")")) + " -> " + result.display();
    }

    @Override
    public String toString() { return display(); }
  }

  /**
   * A type parameter of a generic function ({@code T} in {@code fn first<T>(xs: List<T>) -> T?}).
   * {@code id} tells apart the parameters of different declarations and of each instantiation at a call.
   */
  record TypeVar(String name, int id) implements Type {
    @Override
    public String display() { return name; }

    @Override
    public String toString() { return name + "#" + id; }
  }

  /** The type of a module name used as a value's prefix ({@code k8s} in {@code k8s.apply}). */
  record ModuleType(ModuleInfo module) implements Type {
    @Override
    public String display() { return "module " + module.name(); }

    @Override
    public String toString() { return display(); }
  }

  /** The type of the {@code null} literal before an expected type makes it an optional. */
  record NullType() implements Type {
    @Override
    public String display() { return "Null"; }

    @Override
    public String toString() { return display(); }
  }

  /** What a function without {@code -> T} returns. */
  record UnitType() implements Type {
    @Override
    public String display() { return "Unit"; }

    @Override
    public String toString() { return display(); }
  }

  /** An expression whose error is already reported; suppresses every follow-up error. */
  record ErrorType() implements Type {
    @Override
    public String display() { return "<error>"; }

    @Override
    public String toString() { return display(); }
  }
}
