package aegis.syntax.ast;

import aegis.syntax.Span;
import java.util.List;

/** A type as written in source: {@code Int}, {@code k8s.Pod}, {@code List<String>}, {@code T?}, {@code (T) -> Bool}. */
public sealed interface TypeRef extends Node {

  /** {@code path} has one element, or two for a module-qualified name. */
  record Named(List<Ident> path, List<TypeRef> args, Span span) implements TypeRef {
    public Named {
      path = List.copyOf(path);
      args = List.copyOf(args);
    }

    public String qualifiedName() {
      return String.join(".", path.stream().map(Ident::name).toList());
    }
  }

  record Function(List<TypeRef> params, TypeRef result, Span span) implements TypeRef {
    public Function { params = List.copyOf(params); }
  }

  record Optional(TypeRef inner, Span span) implements TypeRef {}
}
