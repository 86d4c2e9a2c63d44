package aegis.syntax.ast;

import aegis.syntax.Span;

/** A function parameter: {@code timeout: Duration = 10s}; {@code defaultValue} may be null. */
public record ParamSpec(Ident name, TypeRef type, Expr defaultValue, Span span) implements Node {}
