package aegis.syntax.ast;

import aegis.syntax.Span;

/** The first line of a file: what it is and its name. */
public sealed interface Header extends Node {
  enum Kind { RUNBOOK, MODULE, ENVIRONMENT }

  Ident name();

  String doc();

  Kind kind();

  /** {@code runbook deploy "Deploy AegisShield"}; {@code title} may be null. */
  record Runbook(String doc, Ident name, Expr.StringLit title, Span span) implements Header {
    public Kind kind() { return Kind.RUNBOOK; }
  }

  /** {@code module k8s} */
  record Module(String doc, Ident name, Span span) implements Header {
    public Kind kind() { return Kind.MODULE; }
  }

  /** {@code environment production} */
  record Environment(String doc, Ident name, Span span) implements Header {
    public Kind kind() { return Kind.ENVIRONMENT; }
  }
}
