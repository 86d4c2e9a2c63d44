package aegis.syntax.ast;

import aegis.syntax.Span;

/** {@code import k8s}, {@code import k8s as kube}, or {@code import "lib/common.aegis" as common}. */
public sealed interface ImportDecl extends Node {
  /** The name the import is known by in this file. */
  Ident alias();

  record Module(Ident module, Ident explicitAlias, Span span) implements ImportDecl {
    public Ident alias() { return explicitAlias != null ? explicitAlias : module; }
  }

  record File(Expr.StringLit path, Ident explicitAlias, Span span) implements ImportDecl {
    public Ident alias() { return explicitAlias; }
  }
}
