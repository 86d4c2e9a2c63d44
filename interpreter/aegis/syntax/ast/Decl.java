package aegis.syntax.ast;

import aegis.syntax.Span;
import java.util.List;

/** A top-level declaration. Top-level statements are declarations too ({@link Stmt}). */
public sealed interface Decl extends Node permits Decl.Param, Decl.Window, Decl.OnFailure, Decl.Finally,
    Decl.Record, Decl.Enum, Decl.ExternFn, Decl.Fn, Stmt {

  /** {@code param version: String = "1.0.0"}; {@code defaultValue} may be null. */
  record Param(String doc, Ident name, TypeRef type, Expr defaultValue, Span span) implements Decl {}

  /** {@code window env.deployWindow}: the runbook refuses to run outside this change window. */
  record Window(Expr window, Span span) implements Decl {}

  /** {@code on failure { ... }}: compensations that run when a step fails. */
  record OnFailure(Stmt.Block body, Span span) implements Decl {}

  /** {@code finally { ... }}: runs after the runbook, whatever happened. */
  record Finally(Stmt.Block body, Span span) implements Decl {}

  /** {@code record Service { name: String  replicas: Int = 1 }} */
  record Record(String doc, Ident name, List<FieldDecl> fields, Span span) implements Decl {
    public Record { fields = List.copyOf(fields); }
  }

  /** {@code enum Phase { Pending, Running }} */
  record Enum(String doc, Ident name, List<Ident> members, Span span) implements Decl {
    public Enum { members = List.copyOf(members); }
  }

  /** {@code extern read fn get(url: String) -> Response}: declared here, implemented in Java. */
  record ExternFn(String doc, Effect effect, Ident name, List<Ident> typeParams, List<ParamSpec> params,
                  TypeRef returnType, Span span) implements Decl {
    public ExternFn {
      typeParams = List.copyOf(typeParams);
      params = List.copyOf(params);
    }
  }

  /** {@code fn serviceUrl(s: Service) -> String = "http://${s.name}:8080"}: a function written in aegis. */
  record Fn(String doc, Ident name, List<Ident> typeParams, List<ParamSpec> params, TypeRef returnType, Expr body,
            Span span) implements Decl {
    public Fn {
      typeParams = List.copyOf(typeParams);
      params = List.copyOf(params);
    }
  }
}
