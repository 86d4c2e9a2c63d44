package aegis.syntax.ast;

import aegis.syntax.Span;
import java.util.List;

/** A statement, in a block or at the top of a runbook. */
public sealed interface Stmt extends Decl permits Stmt.Let, Stmt.Step, Stmt.For, Stmt.If, Stmt.Check, Stmt.Wait,
    Stmt.Approve, Stmt.Run, Stmt.Report, Stmt.Fail, Stmt.ExprStmt {

  /** A braced list of statements. Not itself a statement: it belongs to a step, a loop or a branch. */
  record Block(List<Stmt> stmts, Span span) implements Node {
    public Block { stmts = List.copyOf(stmts); }
  }

  /** {@code let name: Type = value}; {@code type} may be null (inferred). */
  record Let(String doc, Ident name, TypeRef type, Expr value, Span span) implements Stmt {}

  /** {@code step "name" timeout 10m retry(attempts: 2, backoff: 30s) { ... }} */
  record Step(String doc, Expr.StringLit name, List<StepOption> options, Block body, Span span) implements Stmt {
    public Step { options = List.copyOf(options); }
  }

  /**
   * {@code for x in xs parallel(limit: 8) { ... }}; {@code parallel} is null for a sequential loop,
   * otherwise the arguments of {@code parallel(...)} (possibly empty).
   */
  record For(Ident variable, Expr iterable, List<Arg> parallel, Block body, Span span) implements Stmt {
    public For { parallel = parallel == null ? null : List.copyOf(parallel); }

    public boolean isParallel() { return parallel != null; }
  }

  /** {@code if c { } else if d { } else { }}: {@code otherwise} is null, another {@link If}, or a {@link Block}. */
  record If(Expr condition, Block then, Node otherwise, Span span) implements Stmt {
    public If {
      if (otherwise != null && !(otherwise instanceof If) && !(otherwise instanceof Block)) {
        throw new IllegalArgumentException("else branch must be an if or a block");
      }
    }
  }

  enum CheckSeverity { FAIL, WARN }

  /** {@code check cond else fail "message"} or {@code ... else warn "message"}. */
  record Check(Expr condition, CheckSeverity severity, Expr message, Span span) implements Stmt {}

  /** {@code wait until cond every 10s timeout 5m} */
  record Wait(Expr condition, Expr interval, Expr timeout, Span span) implements Stmt {}

  /** {@code approve "reason"}: stops until a person approves. */
  record Approve(Expr reason, Span span) implements Stmt {}

  /** {@code run rollback(env: env)}: runs another runbook from the same directory. */
  record Run(Ident runbook, List<Arg> args, Span span) implements Stmt {
    public Run { args = List.copyOf(args); }
  }

  /** {@code report "title" value}: a table or value in the run's report. */
  record Report(Expr.StringLit title, Expr value, Span span) implements Stmt {}

  /** {@code fail "message"}: stops the runbook with an error. */
  record Fail(Expr message, Span span) implements Stmt {}

  /** A call or other expression evaluated for its effect. */
  record ExprStmt(Expr expr, Span span) implements Stmt {}
}
