package aegis.syntax.ast;

import aegis.syntax.Span;

/** A name as written, with its own span (for go-to-definition and rename). */
public record Ident(String name, Span span) implements Node {
  @Override
  public String toString() { return name; }
}
