package aegis.syntax.ast;

import aegis.syntax.Span;

/** A record field: {@code replicas: Int = 1}; {@code defaultValue} may be null. */
public record FieldDecl(String doc, Ident name, TypeRef type, Expr defaultValue, Span span) implements Node {}
