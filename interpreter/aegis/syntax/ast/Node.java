package aegis.syntax.ast;

import aegis.syntax.Span;
import java.util.List;

/** Every syntax node: immutable, with the span of source it came from. */
public sealed interface Node permits AegisFile, Header, ImportDecl, Decl, FieldDecl, ParamSpec, TypeRef,
    Stmt.Block, StepOption, Expr, Arg, Expr.MapEntry, StringPart, Ident {
  Span span();

  /** The direct children, in source order; for generic walks. */
  default List<Node> children() { return Nodes.children(this); }
}
