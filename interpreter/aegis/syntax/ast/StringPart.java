package aegis.syntax.ast;

import aegis.syntax.Span;

/** A piece of a string literal: text (escapes already decoded) or an interpolated {@code ${expr}}. */
public sealed interface StringPart extends Node {
  record Text(String text, Span span) implements StringPart {}

  record Interpolation(Expr expr, Span span) implements StringPart {}
}
