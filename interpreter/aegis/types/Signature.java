package aegis.types;

import aegis.syntax.Span;
import aegis.syntax.ast.Expr;
import aegis.types.Type.FunctionType;
import aegis.types.Type.TypeVar;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parameters and result of a function or record constructor: what a call is checked against.
 *
 * @param typeParams the type variables of a generic function, empty otherwise
 * @param result     {@link Type#UNIT} when the function returns nothing
 */
public record Signature(List<TypeVar> typeParams, List<Param> params, Type result) {
  /** A parameter; {@code defaultValue} is null when the argument is required. */
  public record Param(String name, Type type, Expr defaultValue, Span span) {
    public boolean hasDefault() { return defaultValue != null; }
  }

  public Signature {
    typeParams = List.copyOf(typeParams);
    params = List.copyOf(params);
  }

  /** The parameter called {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < params.size(); i++) if (params.get(i).name().equals(name)) return i;
    return -1;
  }

  /** The function type of this signature ({@code (List<T>, (T) -> Bool) -> List<T>}). */
  public FunctionType type() {
    return new FunctionType(params.stream().map(Param::type).toList(), result);
  }

  /** {@code <T>(xs: List<T>, limit: Int = 10) -> List<T>}, defaults as written. */
  public String display() {
    var sb = new StringBuilder();
    if (!typeParams.isEmpty()) {
      sb.append(typeParams.stream().map(TypeVar::name).collect(Collectors.joining(", ", "<", ">")));
    }
    sb.append(params.stream().map(p -> p.name() + ": " + p.type().display()
        + (p.hasDefault() ? " = " + p.defaultValue().span().text() : "")).collect(Collectors.joining(", ", "(", ")")));
    if (!(result instanceof Type.UnitType)) sb.append(" -> ").append(result.display());
    return sb.toString();
  }
}
