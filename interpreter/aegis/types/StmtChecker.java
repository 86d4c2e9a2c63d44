package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.Span;
import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.StepOption;
import aegis.syntax.ast.Stmt;
import aegis.types.Type.ListType;
import aegis.types.Type.MapType;
import aegis.types.Type.OptionalType;
import aegis.types.Type.Prim;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Statements: lets, steps and their options, loops, conditions, checks, waits, approvals, reports, runs. */
final class StmtChecker {
  private final FileContext fc;
  private final ExprChecker exprs;
  private final TypeResolver types;
  private final RunChecker runs;

  StmtChecker(FileContext fc, ExprChecker exprs, TypeResolver types) {
    this.fc = fc;
    this.exprs = exprs;
    this.types = types;
    this.runs = new RunChecker(fc, exprs);
  }

  /** Checks a block in a scope of its own, then warns about its unused lets. */
  void block(Stmt.Block b, Ctx ctx) {
    var scope = ctx.scope().child(b.span());
    fc.facts.scopes.add(scope);
    sequence(b.stmts(), ctx.withScope(scope));
    reportUnused(scope);
  }

  /** Checks statements in order, warning once about code after a statement that always stops the run. */
  void sequence(List<Stmt> stmts, Ctx ctx) {
    String dead = null;
    for (int i = 0; i < stmts.size(); i++) {
      if (dead != null) {
        unreachable(stmts.get(i).span().to(stmts.getLast().span()), dead);
        dead = "";
      }
      stmt(stmts.get(i), ctx);
      if (dead == null) dead = stops(stmts.get(i));
    }
  }

  void unreachable(Span span, String why) {
    if (!why.isEmpty()) fc.report(Code.AEG216, span, why);
  }

  /** Why a statement always stops the run (so that what follows never runs), or null when it may not. */
  static String stops(Stmt s) {
    return switch (s) {
      case Stmt.Fail f -> "it comes after `fail`";
      case Stmt.Check c when c.severity() == Stmt.CheckSeverity.FAIL && Boolean.FALSE.equals(Constants.bool(c.condition()))
          -> "it comes after a `check` that always fails";
      case Stmt.If i -> {
        var constant = Constants.bool(i.condition());
        String then = stops(i.then());
        String otherwise = i.otherwise() == null ? null
            : i.otherwise() instanceof Stmt.If elseIf ? stops(elseIf) : stops((Stmt.Block) i.otherwise());
        if (Boolean.TRUE.equals(constant)) yield then;
        if (Boolean.FALSE.equals(constant)) yield otherwise;
        yield then != null && otherwise != null ? "every branch of the `if` above stops the run" : null;
      }
      default -> null;
    };
  }

  private static String stops(Stmt.Block b) {
    for (var s : b.stmts()) {
      var why = stops(s);
      if (why != null) return why;
    }
    return null;
  }

  void stmt(Stmt s, Ctx ctx) {
    switch (s) {
      case Stmt.Let l -> let(l, ctx, Binding.Unused.LET);
      case Stmt.Step st -> step(st, ctx);
      case Stmt.For f -> forLoop(f, ctx);
      case Stmt.If i -> ifStmt(i, ctx);
      case Stmt.Check c -> {
        exprs.expect(c.condition(), Prim.BOOL, ctx, "the condition of `check`");
        exprs.expect(c.message(), Prim.STRING, ctx, "the message of `check`");
      }
      case Stmt.Wait w -> {
        exprs.expect(w.condition(), Prim.BOOL, ctx, "the condition of `wait until`");
        exprs.expect(w.interval(), Prim.DURATION, ctx, "the interval of `wait`");
        exprs.expect(w.timeout(), Prim.DURATION, ctx, "the timeout of `wait`");
      }
      case Stmt.Approve a -> {
        if (ctx.inParallel()) {
          fc.error(Code.AEG224, a.span(), "`approve` cannot be inside a `parallel` loop",
              "ask for approval before the loop");
        }
        exprs.expect(a.reason(), Prim.STRING, ctx, "the reason of `approve`");
      }
      case Stmt.Run r -> runs.run(r, ctx);
      case Stmt.Report r -> report(r, ctx);
      case Stmt.Fail f -> exprs.expect(f.message(), Prim.STRING, ctx, "the message of `fail`");
      case Stmt.ExprStmt e -> {
        if (!(e.expr() instanceof Expr.Call) && !(e.expr() instanceof Expr.Error)) {
          fc.error(Code.AEG224, e.span(), "this expression does nothing: only a call can stand alone as a statement",
              "keep its value with `let name = ...`, or test it with `check`");
        }
        exprs.check(e.expr(), null, ctx);
      }
    }
  }

  /** {@code let}: the declared type, or the value's inferred type, which must be known. */
  Symbol let(Stmt.Let l, Ctx ctx, Binding.Unused unused) {
    Type t = letType(l, ctx);
    var sym = Symbol.value(Symbol.Kind.LET, l.name().name(), t, l.doc(), l.name().span(), fc.moduleName, l);
    Declare.local(fc, ctx.scope(), l.name(), sym, unused);
    return sym;
  }

  /** The type a let gives its name. */
  Type letType(Stmt.Let l, Ctx ctx) {
    if (l.type() != null) {
      Type declared = types.resolve(l.type(), ctx.scope(), Map.of());
      exprs.expect(l.value(), declared, ctx, null);
      return declared;
    }
    Type t = exprs.check(l.value(), null, ctx);
    if (t == Type.NULL) {
      fc.error(Code.AEG222, l.value().span(), "cannot infer the type of `" + l.name().name() + "` from `null`",
          "write the type: `let " + l.name().name() + ": String? = null`");
      return Type.ERROR;
    }
    if (t instanceof Type.UnitType) {
      fc.error(Code.AEG202, l.value().span(), FileContext.describe(l.value()) + " returns nothing; there is no value to keep");
      return Type.ERROR;
    }
    return t;
  }

  private void step(Stmt.Step s, Ctx ctx) {
    if (ctx.inStep()) fc.report(Code.AEG221, new Span(s.span().file(), s.span().start(), s.name().span().end()));
    exprs.check(s.name(), null, ctx);
    boolean timeout = false;
    boolean retry = false;
    for (var option : s.options()) {
      switch (option) {
        case StepOption.Timeout t -> {
          if (timeout) fc.error(Code.AEG220, t.span(), "`timeout` is given twice");
          timeout = true;
          exprs.expect(t.duration(), Prim.DURATION, ctx, "the step's timeout");
        }
        case StepOption.Retry r -> {
          if (retry) fc.error(Code.AEG220, r.span(), "`retry` is given twice");
          retry = true;
          retryOptions(r, ctx);
        }
      }
    }
    var sink = new EffectSink();
    block(s.body(), ctx.inStep(ctx.scope(), sink));
    fc.facts.stepEffects.merge(s, sink.effect(), Effect::join);
    ctx.effects().add(sink.effect());
  }

  private void retryOptions(StepOption.Retry r, Ctx ctx) {
    var seen = new HashSet<String>();
    boolean positional = false;
    for (var arg : r.args()) {
      if (arg.name() == null) {
        fc.error(Code.AEG220, arg.span(), "`retry` options are named: `retry(attempts: 3, backoff: 30s)`");
        exprs.check(arg.value(), null, ctx);
        positional = true;
        continue;
      }
      String name = arg.name().name();
      if (!seen.add(name)) {
        fc.error(Code.AEG220, arg.span(), "`" + name + "` is given twice");
        continue;
      }
      switch (name) {
        case "attempts" -> {
          exprs.expect(arg.value(), Prim.INT, ctx, "`attempts`");
          atLeastOne(arg, "attempts");
        }
        case "backoff" -> exprs.expect(arg.value(), Prim.DURATION, ctx, "`backoff`");
        default -> unknownOption(arg, "retry", List.of("attempts", "backoff"), ctx);
      }
    }
    if (!seen.contains("attempts") && !positional) {
      fc.error(Code.AEG220, r.span(), "`retry` needs `attempts`: `retry(attempts: 3, backoff: 30s)`");
    }
  }

  private void unknownOption(Arg arg, String of, List<String> known, Ctx ctx) {
    var hint = Suggestions.didYouMean(arg.name().name(), known);
    fc.add(Diagnostic.of(Code.AEG220, arg.name().span(), "`" + of + "` has no option `" + arg.name().name()
        + "`; it takes " + String.join(" and ", known.stream().map(k -> "`" + k + "`").toList())).withHint(hint));
    exprs.check(arg.value(), null, ctx);
  }

  private void atLeastOne(Arg arg, String what) {
    if (arg.value() instanceof Expr.IntLit i && i.value() < 1) {
      fc.error(Code.AEG220, arg.value().span(), "`" + what + "` must be at least 1");
    } else if (arg.value() instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.IntLit) {
      fc.error(Code.AEG220, arg.value().span(), "`" + what + "` must be at least 1");
    }
  }

  private void forLoop(Stmt.For f, Ctx ctx) {
    Type it = exprs.check(f.iterable(), null, ctx);
    Type element = switch (it) {
      case ListType l -> l.element();
      case OptionalType o when o.inner() instanceof ListType l -> {
        fc.error(Code.AEG214, f.iterable().span(), Code.AEG214.format(FileContext.describe(f.iterable())),
            "loop over `" + f.iterable().span().text() + " ?? []`");
        yield l.element();
      }
      case MapType m -> {
        fc.error(Code.AEG202, f.iterable().span(), "`for` goes over a `List`, not " + Types.a(it),
            "loop over its keys with `keys(...)`");
        yield Type.ERROR;
      }
      case Type.ErrorType e -> Type.ERROR;
      default -> {
        fc.error(Code.AEG202, f.iterable().span(), "`for` goes over a `List`, not " + Types.a(it));
        yield Type.ERROR;
      }
    };
    if (f.parallel() != null) parallelOptions(f.parallel(), ctx);
    var scope = ctx.scope().child(f.span());
    fc.facts.scopes.add(scope);
    var v = f.variable();
    Declare.local(fc, scope, v, Symbol.value(Symbol.Kind.LOOP_VARIABLE, v.name(), element, null, v.span(), null, f),
        Binding.Unused.IGNORE);
    block(f.body(), f.isParallel() ? ctx.inParallel(scope) : ctx.withScope(scope));
  }

  private void parallelOptions(List<Arg> args, Ctx ctx) {
    var seen = new HashSet<String>();
    for (var arg : args) {
      if (arg.name() == null) {
        fc.error(Code.AEG220, arg.span(), "`parallel` options are named: `parallel(limit: 8)`");
        exprs.check(arg.value(), null, ctx);
      } else if (!seen.add(arg.name().name())) {
        fc.error(Code.AEG220, arg.span(), "`" + arg.name().name() + "` is given twice");
      } else if (arg.name().name().equals("limit")) {
        exprs.expect(arg.value(), Prim.INT, ctx, "`limit`");
        atLeastOne(arg, "limit");
      } else {
        unknownOption(arg, "parallel", List.of("limit"), ctx);
      }
    }
  }

  private void ifStmt(Stmt.If i, Ctx ctx) {
    exprs.expect(i.condition(), Prim.BOOL, ctx, "the condition of `if`");
    var constant = Constants.bool(i.condition());
    if (Boolean.FALSE.equals(constant)) unreachable(contents(i.then()), "the condition is always false");
    if (Boolean.TRUE.equals(constant) && i.otherwise() != null) {
      var dead = i.otherwise() instanceof Stmt.Block b ? contents(b) : i.otherwise().span();
      unreachable(dead, "the condition above is always true");
    }
    block(i.then(), ctx);
    switch (i.otherwise()) {
      case null -> { }
      case Stmt.If elseIf -> ifStmt(elseIf, ctx);
      case Stmt.Block b -> block(b, ctx);
      default -> { }
    }
  }

  /** The statements of a block (what a warning about it should point at), or the block when it is empty. */
  private static Span contents(Stmt.Block b) {
    return b.stmts().isEmpty() ? b.span() : b.stmts().getFirst().span().to(b.stmts().getLast().span());
  }

  /** {@code report}: a table (a list of records or values), a record, or one value, never holding a Secret. */
  private void report(Stmt.Report r, Ctx ctx) {
    exprs.check(r.title(), null, ctx);
    Type t = exprs.check(r.value(), null, ctx);
    if (Types.isError(t)) return;
    if (Types.containsSecret(t)) {
      fc.error(Code.AEG209, r.value().span(), "`report` would disclose a Secret" + (t == Prim.SECRET ? ""
          : ": `" + t.display() + "` holds one"), "report the fields that are not secret");
      return;
    }
    Type row = t instanceof ListType l ? l.element() : t;
    boolean shown = Types.isScalar(Types.nonNull(row)) || row instanceof RecordType;
    if (!shown) {
      fc.error(Code.AEG202, r.value().span(), "`report` shows a list of records or values, a record, or a single value, not "
          + Types.a(t));
    }
  }

  /** Warns about the lets and params of a scope that nothing reads. */
  void reportUnused(Scope scope) {
    for (var e : scope.bindings().entrySet()) {
      var b = e.getValue();
      if (b.used() || b.unused() == Binding.Unused.IGNORE || e.getKey().startsWith("_")) continue;
      var sym = b.peek();
      if (sym.span() == null || Types.isError(sym.type())) continue;
      String kind = switch (b.unused()) {
        case LET -> "let";
        case PARAM -> "param";
        case IMPORT -> "import";
        case IGNORE -> "";
      };
      fc.add(Diagnostic.of(Code.AEG215, sym.span(), kind, e.getKey())
          .withHint("remove it, or start its name with `_` if it is meant to be unused"));
    }
  }
}
