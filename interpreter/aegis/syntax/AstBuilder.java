package aegis.syntax;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.antlr.Aegis;
import aegis.syntax.antlr.AegisLexer;
import aegis.syntax.ast.AegisFile;
import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.FieldDecl;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.Ident;
import aegis.syntax.ast.ImportDecl;
import aegis.syntax.ast.ParamSpec;
import aegis.syntax.ast.StepOption;
import aegis.syntax.ast.Stmt;
import aegis.syntax.ast.TypeRef;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns ANTLR's parse tree into the AST. The tree may be partial (error recovery): every child
 * can be missing, and a missing piece becomes {@link Expr.Error} or is left out, never a crash.
 * Checks that are about single tokens (units, escapes, numbers) are reported here. Expressions,
 * blocks and types nested past {@link Nesting#MAX} levels are cut off (one AEG112), so the tree
 * handed on is never deeper than that, whatever ANTLR managed to parse.
 */
final class AstBuilder {
  private final SourceFile file;
  private final CommonTokenStream tokens;
  private final Offsets offsets;
  private final List<Diagnostic> diagnostics;
  private int depth;
  private boolean reportedTooDeep;

  AstBuilder(SourceFile file, CommonTokenStream tokens, Offsets offsets, List<Diagnostic> diagnostics) {
    this.file = file;
    this.tokens = tokens;
    this.offsets = offsets;
    this.diagnostics = diagnostics;
  }

  // ------------------------------------------------------------------ files

  AegisFile file(Aegis.FileContext ctx) {
    Header header = ctx.header() == null ? null : header(ctx.header());
    if (header == null && !hasErrors()) {
      diagnostics.add(Diagnostic.of(Code.AEG109, Span.fileStart(file))
          .withHint("add a first line such as `runbook daily_check \"Daily health check\"`"));
    }
    var imports = new ArrayList<ImportDecl>();
    for (var i : ctx.importDecl()) {
      var built = importDecl(i);
      if (built != null) imports.add(built);
    }
    var decls = new ArrayList<Decl>();
    for (var d : ctx.decl()) {
      var built = decl(d);
      if (built != null) decls.add(built);
    }
    return new AegisFile(file, header, imports, decls, new Span(file, 0, file.text().length()));
  }

  private boolean hasErrors() { return diagnostics.stream().anyMatch(Diagnostic::isError); }

  private Header header(Aegis.HeaderContext ctx) {
    String doc = doc(ctx);
    return switch (ctx) {
      case Aegis.RunbookHeaderContext r -> {
        var name = ident(r.name);
        if (name == null) yield null;
        var title = r.title == null ? null : constant(string(r.title), "a runbook's title");
        yield new Header.Runbook(doc, name, title, span(ctx));
      }
      case Aegis.ModuleHeaderContext m -> ident(m.name) == null ? null : new Header.Module(doc, ident(m.name), span(ctx));
      case Aegis.EnvironmentHeaderContext e ->
          ident(e.name) == null ? null : new Header.Environment(doc, ident(e.name), span(ctx));
      default -> null;
    };
  }

  private ImportDecl importDecl(Aegis.ImportDeclContext ctx) {
    return switch (ctx) {
      case Aegis.ModuleImportContext m ->
          ident(m.name) == null ? null : new ImportDecl.Module(ident(m.name), ident(m.alias), span(ctx));
      case Aegis.FileImportContext f -> {
        if (f.path == null || ident(f.alias) == null) yield null;
        yield new ImportDecl.File(constant(string(f.path), "an import path"), ident(f.alias), span(ctx));
      }
      default -> null;
    };
  }

  private Decl decl(Aegis.DeclContext ctx) {
    String doc = doc(ctx);
    return switch (ctx) {
      case Aegis.ParamDeclContext p -> {
        var name = ident(p.name);
        if (name == null) yield null;
        yield new Decl.Param(doc, name, type(p.type()), optExpr(p.expr()), span(ctx));
      }
      case Aegis.WindowDeclContext w -> new Decl.Window(expr(w.expr()), span(ctx));
      case Aegis.OnFailureDeclContext o -> new Decl.OnFailure(block(o.block()), span(ctx));
      case Aegis.FinallyDeclContext f -> new Decl.Finally(block(f.block()), span(ctx));
      case Aegis.RecordDeclContext r -> {
        var name = ident(r.name);
        if (name == null) yield null;
        var fields = new ArrayList<FieldDecl>();
        for (var f : r.fieldDecl()) {
          var fname = member(f.name);
          if (fname != null) fields.add(new FieldDecl(doc(f), fname, type(f.type()), optExpr(f.expr()), span(f)));
        }
        yield new Decl.Record(doc, name, fields, span(ctx));
      }
      case Aegis.EnumDeclContext e -> {
        var name = ident(e.name);
        if (name == null) yield null;
        var members = new ArrayList<Ident>();
        for (var m : e.enumMember()) {
          var id = ident(m.ID() == null ? null : m.ID().getSymbol());
          if (id != null) members.add(id);
        }
        yield new Decl.Enum(doc, name, members, span(ctx));
      }
      case Aegis.ExternFnDeclContext x -> {
        var name = member(x.name);
        if (name == null) yield null;
        yield new Decl.ExternFn(doc, effect(x.effect()), name, typeParams(x.typeParams()), params(x.paramList()),
            optType(x.type()), span(ctx));
      }
      case Aegis.FnDeclContext f -> {
        var name = member(f.name);
        if (name == null) yield null;
        yield new Decl.Fn(doc, name, typeParams(f.typeParams()), params(f.paramList()), optType(f.type()),
            expr(f.expr()), span(ctx));
      }
      case Aegis.StmtDeclContext s -> s.statement() == null ? null : statement(s.statement());
      default -> null;
    };
  }

  private Effect effect(Aegis.EffectContext ctx) {
    if (ctx == null) return Effect.PURE;
    if (ctx.READ() != null) return Effect.READ;
    if (ctx.WRITE() != null) return Effect.WRITE;
    return Effect.DESTRUCTIVE;
  }

  private List<Ident> typeParams(Aegis.TypeParamsContext ctx) {
    var out = new ArrayList<Ident>();
    if (ctx != null) {
      for (var id : ctx.ID()) {
        var i = ident(id.getSymbol());
        if (i != null) out.add(i);
      }
    }
    return out;
  }

  private List<ParamSpec> params(Aegis.ParamListContext ctx) {
    var out = new ArrayList<ParamSpec>();
    if (ctx != null) {
      for (var p : ctx.fnParam()) {
        var name = member(p.name);
        if (name != null) out.add(new ParamSpec(name, type(p.type()), optExpr(p.expr()), span(p)));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ types

  private TypeRef optType(Aegis.TypeContext ctx) { return ctx == null ? null : type(ctx); }

  private TypeRef type(Aegis.TypeContext ctx) {
    if (ctx == null || ctx.baseType() == null) return errorType(ctx);
    if (!enter(ctx)) return errorType(ctx);
    try {
      var base = baseType(ctx.baseType());
      return ctx.QUESTION() != null ? new TypeRef.Optional(base, span(ctx)) : base;
    } finally {
      depth--;
    }
  }

  private TypeRef baseType(Aegis.BaseTypeContext ctx) {
    return switch (ctx) {
      case Aegis.NamedTypeContext n -> {
        var path = new ArrayList<Ident>();
        if (n.qualifiedName() != null) {
          for (var id : n.qualifiedName().ID()) {
            var i = ident(id.getSymbol());
            if (i != null) path.add(i);
          }
        }
        if (path.isEmpty()) yield errorType(ctx);
        var args = new ArrayList<TypeRef>();
        for (var t : n.type()) args.add(type(t));
        yield new TypeRef.Named(path, args, span(ctx));
      }
      case Aegis.FunctionTypeContext f -> {
        var all = f.type();
        if (all.isEmpty()) yield errorType(ctx);
        var params = new ArrayList<TypeRef>();
        for (int i = 0; i < all.size() - 1; i++) params.add(type(all.get(i)));
        yield new TypeRef.Function(params, type(all.getLast()), span(ctx));
      }
      default -> errorType(ctx);
    };
  }

  /** A type the parser could not read; named so that the checker reports nothing more about it. */
  private TypeRef errorType(ParserRuleContext ctx) {
    Span s = ctx == null ? Span.fileStart(file) : span(ctx);
    return new TypeRef.Named(List.of(new Ident("<error>", s)), List.of(), s);
  }

  // ------------------------------------------------------------------ statements

  private Stmt.Block block(Aegis.BlockContext ctx) {
    if (ctx == null) return new Stmt.Block(List.of(), Span.fileStart(file));
    if (!enter(ctx)) return new Stmt.Block(List.of(), span(ctx));
    try {
      var stmts = new ArrayList<Stmt>();
      for (var s : ctx.statement()) {
        var built = statement(s);
        if (built != null) stmts.add(built);
      }
      return new Stmt.Block(stmts, span(ctx));
    } finally {
      depth--;
    }
  }

  private Stmt statement(Aegis.StatementContext ctx) {
    String doc = doc(ctx);
    return switch (ctx) {
      case Aegis.LetStmtContext l -> {
        var name = ident(l.name);
        if (name == null) yield null;
        yield new Stmt.Let(doc, name, optType(l.type()), expr(l.expr()), span(ctx));
      }
      case Aegis.StepStmtContext s -> {
        if (s.name == null) yield null;
        var options = new ArrayList<StepOption>();
        for (var o : s.stepOption()) {
          switch (o) {
            case Aegis.TimeoutOptionContext t -> options.add(new StepOption.Timeout(expr(t.expr()), span(o)));
            case Aegis.RetryOptionContext r -> options.add(new StepOption.Retry(args(r.args()), span(o)));
            default -> { }
          }
        }
        yield new Stmt.Step(doc, string(s.name), options, block(s.block()), span(ctx));
      }
      case Aegis.ForStmtContext f -> {
        var variable = ident(f.var);
        if (variable == null) yield null;
        List<Arg> parallel = f.PARALLEL() == null ? null : args(f.args());
        yield new Stmt.For(variable, expr(f.expr()), parallel, block(f.block()), span(ctx));
      }
      case Aegis.IfStmtContext i -> i.ifStatement() == null ? null : ifStatement(i.ifStatement());
      case Aegis.CheckStmtContext c -> new Stmt.Check(expr(c.cond),
          c.severity != null && c.severity.getType() == AegisLexer.WARN ? Stmt.CheckSeverity.WARN : Stmt.CheckSeverity.FAIL,
          expr(c.message), span(ctx));
      case Aegis.WaitStmtContext w -> new Stmt.Wait(expr(w.cond), expr(w.interval), expr(w.limit), span(ctx));
      case Aegis.ApproveStmtContext a -> new Stmt.Approve(expr(a.expr()), span(ctx));
      case Aegis.RunStmtContext r -> {
        var name = ident(r.name);
        if (name == null) yield null;
        yield new Stmt.Run(name, args(r.args()), span(ctx));
      }
      case Aegis.ReportStmtContext r -> r.title == null ? null : new Stmt.Report(string(r.title), expr(r.expr()), span(ctx));
      case Aegis.FailStmtContext f -> new Stmt.Fail(expr(f.expr()), span(ctx));
      case Aegis.ExprStmtContext e -> e.expr() == null ? null : new Stmt.ExprStmt(expr(e.expr()), span(ctx));
      default -> null;
    };
  }

  private Stmt.If ifStatement(Aegis.IfStatementContext ctx) {
    if (!enter(ctx)) return new Stmt.If(error(span(ctx)), new Stmt.Block(List.of(), span(ctx)), null, span(ctx));
    try {
      return ifChain(ctx);
    } finally {
      depth--;
    }
  }

  private Stmt.If ifChain(Aegis.IfStatementContext ctx) {
    var blocks = ctx.block();
    var then = blocks.isEmpty() ? block(null) : block(blocks.getFirst());
    aegis.syntax.ast.Node otherwise = null;
    if (ctx.ifStatement() != null) otherwise = ifStatement(ctx.ifStatement());
    else if (blocks.size() > 1) otherwise = block(blocks.get(1));
    return new Stmt.If(expr(ctx.expr()), then, otherwise, span(ctx));
  }

  // ------------------------------------------------------------------ expressions

  private Expr optExpr(Aegis.ExprContext ctx) { return ctx == null ? null : expr(ctx); }

  private Expr expr(Aegis.ExprContext ctx) {
    if (ctx == null) return new Expr.Error(Span.fileStart(file));
    if (!enter(ctx)) return error(span(ctx));
    try {
      return exprAt(ctx);
    } finally {
      depth--;
    }
  }

  private Expr exprAt(Aegis.ExprContext ctx) {
    Span span = span(ctx);
    return switch (ctx) {
      case Aegis.PrimaryExprContext p -> primary(p.primary(), span);
      case Aegis.FieldExprContext f -> field(f.expr(), f.memberName(), false, span);
      case Aegis.SafeFieldExprContext f -> field(f.expr(), f.memberName(), true, span);
      case Aegis.CallExprContext c -> new Expr.Call(expr(c.expr()), args(c.args()), span);
      case Aegis.IndexExprContext i -> new Expr.Index(expr(i.expr(0)), i.expr().size() > 1 ? expr(i.expr(1)) : error(span), span);
      case Aegis.UnaryExprContext u -> new Expr.Unary(
          u.op.getType() == AegisLexer.BANG ? Expr.UnaryOp.NOT : Expr.UnaryOp.NEG, expr(u.expr()), span);
      case Aegis.BinaryExprContext b -> new Expr.Binary(binaryOp(b.op),
          expr(b.expr(0)), b.expr().size() > 1 ? expr(b.expr(1)) : error(span), span);
      case Aegis.IfExprContext i -> new Expr.If(expr(i.cond), expr(i.then), expr(i.otherwise), span);
      default -> error(span);
    };
  }

  private Expr field(Aegis.ExprContext target, Aegis.MemberNameContext name, boolean safe, Span span) {
    var field = member(name);
    if (field == null) return error(span);
    return new Expr.Field(expr(target), field, safe, span);
  }

  private static Expr.BinaryOp binaryOp(Token op) {
    return switch (op.getType()) {
      case AegisLexer.STAR -> Expr.BinaryOp.MUL;
      case AegisLexer.SLASH -> Expr.BinaryOp.DIV;
      case AegisLexer.PERCENT -> Expr.BinaryOp.MOD;
      case AegisLexer.PLUS -> Expr.BinaryOp.ADD;
      case AegisLexer.MINUS -> Expr.BinaryOp.SUB;
      case AegisLexer.COALESCE -> Expr.BinaryOp.COALESCE;
      case AegisLexer.LT -> Expr.BinaryOp.LT;
      case AegisLexer.LE -> Expr.BinaryOp.LE;
      case AegisLexer.GT -> Expr.BinaryOp.GT;
      case AegisLexer.GE -> Expr.BinaryOp.GE;
      case AegisLexer.EQ -> Expr.BinaryOp.EQ;
      case AegisLexer.NE -> Expr.BinaryOp.NE;
      case AegisLexer.AND -> Expr.BinaryOp.AND;
      default -> Expr.BinaryOp.OR;
    };
  }

  private Expr primary(Aegis.PrimaryContext ctx, Span span) {
    if (ctx == null) return error(span);
    return switch (ctx) {
      case Aegis.LambdaContext l -> {
        var params = new ArrayList<Ident>();
        if (l.lambdaParams() != null) {
          for (var id : l.lambdaParams().ID()) {
            var i = ident(id.getSymbol());
            if (i != null) params.add(i);
          }
        }
        yield new Expr.Lambda(params, expr(l.expr()), span);
      }
      case Aegis.IntLitContext i -> Literals.integer(i.INT().getText(), span, diagnostics);
      case Aegis.FloatLitContext f -> Literals.floating(f.FLOAT().getText(), span, diagnostics);
      case Aegis.UnitLitContext u -> Literals.unit(u.UNIT_NUMBER().getText(), span, diagnostics);
      case Aegis.BoolLitContext b -> new Expr.BoolLit(b.TRUE() != null, span);
      case Aegis.NullLitContext n -> new Expr.NullLit(span);
      case Aegis.StringPrimaryContext s -> string(s.stringLit());
      case Aegis.NameRefContext n -> new Expr.Name(n.ID().getText(), span);
      case Aegis.ParensContext p -> expr(p.expr());
      case Aegis.ListLitContext l -> {
        var items = new ArrayList<Expr>();
        for (var e : l.expr()) items.add(expr(e));
        yield new Expr.ListLit(items, span);
      }
      case Aegis.MapLitContext m -> {
        var entries = new ArrayList<Expr.MapEntry>();
        for (var e : m.mapEntry()) entries.add(new Expr.MapEntry(expr(e.key), expr(e.value), span(e)));
        yield new Expr.MapLit(entries, span);
      }
      default -> error(span);
    };
  }

  private List<Arg> args(Aegis.ArgsContext ctx) {
    var out = new ArrayList<Arg>();
    if (ctx != null) {
      for (var a : ctx.arg()) out.add(new Arg(a.name == null ? null : member(a.name), expr(a.expr()), span(a)));
    }
    return out;
  }

  private Expr.StringLit string(Aegis.StringLitContext ctx) {
    return new StringLiterals(file, offsets, diagnostics, this::expr).build(ctx, span(ctx));
  }

  /** Reports interpolation where the value must be known when the file is read. */
  private Expr.StringLit constant(Expr.StringLit s, String what) {
    if (!s.isConstant()) diagnostics.add(Diagnostic.of(Code.AEG111, s.span(), what));
    return s;
  }

  private static Expr error(Span span) { return new Expr.Error(span); }

  /**
   * Goes one level deeper, or reports (once) that {@code ctx} is past {@link Nesting#MAX} and
   * returns false: the caller then leaves the subtree out. Every {@code true} is paired with a
   * {@code depth--} when the level is done.
   */
  private boolean enter(ParserRuleContext ctx) {
    if (depth >= Nesting.MAX) {
      if (!reportedTooDeep) {
        reportedTooDeep = true;
        diagnostics.add(Diagnostic.of(Code.AEG112, span(ctx), "expressions and blocks", Nesting.MAX)
            .withHint(Nesting.HINT));
      }
      return false;
    }
    depth++;
    return true;
  }

  // ------------------------------------------------------------------ tokens and spans

  private Ident ident(Token t) {
    if (t == null || t.getTokenIndex() < 0 || t.getType() != AegisLexer.ID) return null;
    return new Ident(t.getText(), offsets.span(file, t));
  }

  private Ident member(Aegis.MemberNameContext ctx) {
    if (ctx == null || ctx.getStart() == null || ctx.getStart().getTokenIndex() < 0) return null;
    return new Ident(ctx.getStart().getText(), offsets.span(file, ctx.getStart()));
  }

  Span span(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    int s = start == null ? 0 : offsets.start(start);
    int e = stop == null || stop.getTokenIndex() < (start == null ? 0 : start.getTokenIndex()) ? s : offsets.end(stop);
    return new Span(file, s, Math.max(s, e));
  }

  /** The {@code ///} lines directly above a declaration, without the slashes. */
  private String doc(ParserRuleContext ctx) {
    if (ctx.getStart() == null || ctx.getStart().getTokenIndex() < 0) return null;
    var hidden = tokens.getHiddenTokensToLeft(ctx.getStart().getTokenIndex(), AegisLexer.DOCS);
    if (hidden == null || hidden.isEmpty()) return null;
    var sb = new StringBuilder();
    for (var t : hidden) {
      String line = t.getText().substring(3);
      if (line.startsWith(" ")) line = line.substring(1);
      if (!sb.isEmpty()) sb.append('\n');
      sb.append(line.stripTrailing());
    }
    return sb.toString();
  }
}
