package aegis.syntax.ast;

import aegis.syntax.Span;

/** A call argument; {@code name} is null for a positional one. */
public record Arg(Ident name, Expr value, Span span) implements Node {}
