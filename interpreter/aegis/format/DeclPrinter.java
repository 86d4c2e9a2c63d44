package aegis.format;

import static aegis.format.Doc.concat;
import static aegis.format.Doc.group;
import static aegis.format.Doc.hardline;
import static aegis.format.Doc.indent;
import static aegis.format.Doc.line;
import static aegis.format.Doc.text;

import aegis.syntax.ast.AegisFile;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.FieldDecl;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.Ident;
import aegis.syntax.ast.ImportDecl;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.StepOption;
import aegis.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Layout of files, declarations and statements: one per line, blocks indented, and blank lines by
 * these rules:
 * <ul>
 *   <li>one after the header, and one between the imports and what follows;</li>
 *   <li>at the top level, one between declarations of different kinds, and around every step,
 *       loop, {@code if}, record, {@code on failure} and {@code finally};</li>
 *   <li>in a block, one around every step;</li>
 *   <li>elsewhere one where the author left at least one (never two in a row, never right after an
 *       opening brace or before a closing one).</li>
 * </ul>
 * What does not fit on one line breaks at its clauses first, the rest indented: a function's body
 * after {@code =}, a check's {@code else fail ...}, a wait's {@code every ... timeout ...}, a
 * report's value after its title (unless the value is a list or map literal, which opens on the
 * title's line and breaks inside).
 */
final class DeclPrinter {
  private final CommentDocs comments;
  private final ExprPrinter exprs;
  private final SourceText source;

  DeclPrinter(CommentDocs comments, ExprPrinter exprs, SourceText source) {
    this.comments = comments;
    this.exprs = exprs;
    this.source = source;
  }

  Doc file(AegisFile file) {
    var parts = new ArrayList<Doc>();
    if (file.header() != null) {
      parts.add(comments.leadingLines(file.header()));
      parts.add(comments.wrap(file.header(), header(file.header())));
    }
    for (int i = 0; i < file.imports().size(); i++) {
      var imp = file.imports().get(i);
      if (!parts.isEmpty()) parts.add(i == 0 || blankBefore(imp) ? Doc.blankline() : hardline());
      parts.add(comments.leadingLines(imp));
      parts.add(comments.wrap(imp, importDecl(imp)));
    }
    Decl previous = null;
    for (var decl : file.decls()) {
      if (!parts.isEmpty()) {
        boolean blank = previous == null || separated(previous, decl) || blankBefore(decl);
        parts.add(blank ? Doc.blankline() : hardline());
      }
      parts.add(comments.leadingLines(decl));
      parts.add(comments.wrap(decl, decl(decl)));
      previous = decl;
    }
    parts.add(comments.insideEnd(file, !parts.isEmpty()));
    parts.add(comments.endOfLine(file));
    parts.add(hardline());
    return concat(parts);
  }

  private boolean blankBefore(Node node) { return source.blankLineBefore(comments.firstOffset(node)); }

  /** Top-level declarations of different kinds, and the big ones, are kept apart by an empty line. */
  private static boolean separated(Decl a, Decl b) {
    return kind(a) != kind(b) || standsApart(a) || standsApart(b);
  }

  private static boolean standsApart(Decl d) {
    return d instanceof Stmt.Step || d instanceof Stmt.For || d instanceof Stmt.If || d instanceof Decl.Record
        || d instanceof Decl.OnFailure || d instanceof Decl.Finally;
  }

  /** Declarations of one kind may sit together: params with params, lets with lets, and so on. */
  private static Class<?> kind(Decl d) {
    return switch (d) {
      case Stmt.Check c -> Stmt.class;
      case Stmt.Wait w -> Stmt.class;
      case Stmt.Approve a -> Stmt.class;
      case Stmt.Run r -> Stmt.class;
      case Stmt.Report r -> Stmt.class;
      case Stmt.Fail f -> Stmt.class;
      case Stmt.ExprStmt e -> Stmt.class;
      default -> d.getClass();
    };
  }

  private Doc header(Header h) {
    return switch (h) {
      case Header.Runbook r -> r.title() == null
          ? concat(text("runbook "), exprs.ident(r.name()))
          : concat(text("runbook "), exprs.ident(r.name()), text(" "), exprs.expr(r.title()));
      case Header.Module m -> concat(text("module "), exprs.ident(m.name()));
      case Header.Environment e -> concat(text("environment "), exprs.ident(e.name()));
    };
  }

  private Doc importDecl(ImportDecl i) {
    Doc target = switch (i) {
      case ImportDecl.Module m -> exprs.ident(m.module());
      case ImportDecl.File f -> exprs.expr(f.path());
    };
    Ident alias = switch (i) {
      case ImportDecl.Module m -> m.explicitAlias();
      case ImportDecl.File f -> f.explicitAlias();
    };
    return alias == null ? concat(text("import "), target) : concat(text("import "), target, text(" as "), exprs.ident(alias));
  }

  private Doc decl(Decl d) {
    return switch (d) {
      case Decl.Param p -> {
        var doc = concat(text("param "), exprs.ident(p.name()), text(": "), exprs.type(p.type()));
        yield p.defaultValue() == null ? doc : concat(doc, text(" = "), exprs.expr(p.defaultValue()));
      }
      case Decl.Window w -> concat(text("window "), exprs.expr(w.window()));
      case Decl.OnFailure o -> concat(text("on failure "), block(o.body()));
      case Decl.Finally f -> concat(text("finally "), block(f.body()));
      case Decl.Record r -> concat(text("record "), exprs.ident(r.name()), text(" "),
          lines(r, r.fields(), this::field, (a, b) -> false));
      case Decl.Enum e -> concat(text("enum "), exprs.ident(e.name()), text(" "),
          exprs.list("{", "}", e, e.members(), exprs::ident, true));
      case Decl.ExternFn x -> {
        var doc = concat(text("extern "), effect(x.effect()), text("fn "), exprs.ident(x.name()),
            exprs.typeParams(x.typeParams()), exprs.params(x, x.params()));
        yield x.returnType() == null ? doc : concat(doc, text(" -> "), exprs.type(x.returnType()));
      }
      case Decl.Fn f -> {
        var doc = concat(text("fn "), exprs.ident(f.name()), exprs.typeParams(f.typeParams()), exprs.params(f, f.params()));
        if (f.returnType() != null) doc = concat(doc, text(" -> "), exprs.type(f.returnType()));
        yield concat(doc, text(" ="), group(indent(line(), exprs.expr(f.body()))));
      }
      case Stmt s -> stmt(s);
    };
  }

  private static Doc effect(Effect e) {
    return e == null || e == Effect.PURE ? Doc.EMPTY : text(e.keyword() + " ");
  }

  private Doc field(FieldDecl f) {
    var doc = concat(exprs.ident(f.name()), text(": "), exprs.type(f.type()));
    if (f.defaultValue() != null) doc = concat(doc, text(" = "), exprs.expr(f.defaultValue()));
    return comments.wrap(f, doc);
  }

  private Doc stmt(Stmt s) {
    return switch (s) {
      case Stmt.Let l -> {
        var doc = concat(text("let "), exprs.ident(l.name()));
        if (l.type() != null) doc = concat(doc, text(": "), exprs.type(l.type()));
        yield concat(doc, text(" = "), exprs.expr(l.value()));
      }
      case Stmt.Step st -> {
        var parts = new ArrayList<Doc>();
        parts.add(text("step "));
        parts.add(exprs.expr(st.name()));
        for (var o : st.options()) {
          parts.add(text(" "));
          parts.add(comments.wrap(o, switch (o) {
            case StepOption.Timeout t -> concat(text("timeout "), exprs.expr(t.duration()));
            case StepOption.Retry r -> concat(text("retry"), exprs.args(r, r.args()));
          }));
        }
        parts.add(text(" "));
        parts.add(block(st.body()));
        yield concat(parts);
      }
      case Stmt.For f -> {
        var doc = concat(text("for "), exprs.ident(f.variable()), text(" in "), exprs.expr(f.iterable()));
        if (f.parallel() != null) doc = concat(doc, text(" parallel"), exprs.args(f, f.parallel()));
        yield concat(doc, text(" "), block(f.body()));
      }
      case Stmt.If i -> ifStmt(i);
      case Stmt.Check c -> group(text("check "), exprs.expr(c.condition()), indent(line(),
          text(c.severity() == Stmt.CheckSeverity.WARN ? "else warn " : "else fail "), exprs.expr(c.message())));
      case Stmt.Wait w -> group(text("wait until "), exprs.expr(w.condition()), indent(line(),
          text("every "), exprs.expr(w.interval()), text(" timeout "), exprs.expr(w.timeout())));
      case Stmt.Approve a -> concat(text("approve "), exprs.expr(a.reason()));
      case Stmt.Run r -> concat(text("run "), exprs.ident(r.runbook()), exprs.args(r, r.args()));
      case Stmt.Report r -> r.value() instanceof Expr.ListLit || r.value() instanceof Expr.MapLit
          ? concat(text("report "), exprs.expr(r.title()), text(" "), exprs.expr(r.value()))
          : group(text("report "), exprs.expr(r.title()), indent(line(), exprs.expr(r.value())));
      case Stmt.Fail f -> concat(text("fail "), exprs.expr(f.message()));
      case Stmt.ExprStmt e -> exprs.expr(e.expr());
    };
  }

  /** {@code if c { } else if d { } else { }}: each {@code else} on the line of the brace it follows. */
  private Doc ifStmt(Stmt.If i) {
    var doc = concat(text("if "), exprs.expr(i.condition()), text(" "), block(i.then()));
    return switch (i.otherwise()) {
      case null -> doc;
      case Stmt.If elseIf -> concat(doc, text(" else "), comments.wrap(elseIf, ifStmt(elseIf)));
      case Stmt.Block b -> concat(doc, text(" else "), block(b));
      default -> throw new IllegalStateException("else branch must be an if or a block");
    };
  }

  private Doc block(Stmt.Block b) {
    return comments.wrap(b, lines(b, b.stmts(), s -> comments.wrap(s, stmt(s)), DeclPrinter::aroundStep));
  }

  private static boolean aroundStep(Stmt a, Stmt b) { return a instanceof Stmt.Step || b instanceof Stmt.Step; }

  /**
   * {@code { ... }} holding one item per line, or {@code {}} when empty. {@code forcedBlank} says
   * which neighbours always get an empty line between them; otherwise the author's choice is kept.
   */
  private <T extends Node> Doc lines(Node container, List<T> items, Function<T, Doc> print, BiPredicate<T, T> forcedBlank) {
    if (items.isEmpty() && !comments.hasInsideEnd(container)) {
      return comments.hasInsideStart(container)
          ? concat(text("{"), comments.insideStart(container), Doc.closingLine("", true), text("}"))
          : text("{}");
    }
    var inner = new ArrayList<Doc>();
    for (int i = 0; i < items.size(); i++) {
      var item = items.get(i);
      if (i > 0) inner.add(forcedBlank.test(items.get(i - 1), item) || blankBefore(item) ? Doc.blankline() : hardline());
      inner.add(comments.leadingLines(item));
      inner.add(print.apply(item));
    }
    inner.add(comments.insideEnd(container, !items.isEmpty()));
    return concat(text("{"), comments.insideStart(container), indent(hardline(), concat(inner)), Doc.closingLine("", true),
        text("}"));
  }
}
