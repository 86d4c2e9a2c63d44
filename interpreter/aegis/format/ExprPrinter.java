package aegis.format;

import static aegis.format.Doc.concat;
import static aegis.format.Doc.group;
import static aegis.format.Doc.hardline;
import static aegis.format.Doc.indent;
import static aegis.format.Doc.line;
import static aegis.format.Doc.softline;
import static aegis.format.Doc.text;

import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Ident;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.ParamSpec;
import aegis.syntax.ast.StringPart;
import aegis.syntax.ast.TypeRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Layout of expressions, types and bracketed lists. The tree has no parentheses: they are put back
 * where {@link Precedence} says, so that the text parses to the same tree. Lists (arguments,
 * parameters, list and map literals, enum members) are one line when they fit, otherwise one item
 * per line with a trailing comma; operator chains break before their operators, call chains before
 * their calls.
 */
final class ExprPrinter {
  private final CommentDocs comments;
  private final SourceText source;

  ExprPrinter(CommentDocs comments, SourceText source) {
    this.comments = comments;
    this.source = source;
  }

  Doc expr(Expr e) { return comments.wrap(e, bare(e)); }

  Doc ident(Ident id) { return comments.wrap(id, text(id.name())); }

  private Doc bare(Expr e) {
    return switch (e) {
      case Expr.IntLit i -> text(asWritten(i, Long.toString(i.value())));
      case Expr.FloatLit f -> text(asWritten(f, floatText(f.value())));
      case Expr.UnitLit u -> text(u.text());
      case Expr.BoolLit b -> text(Boolean.toString(b.value()));
      case Expr.NullLit n -> text("null");
      case Expr.StringLit s -> string(s);
      case Expr.Name n -> text(n.name());
      case Expr.Field f -> postfix(f);
      case Expr.Call c -> postfix(c);
      case Expr.Index i -> postfix(i);
      case Expr.Unary u -> concat(text(u.op().symbol), spaceBetweenMinuses(u), operand(u.operand(), Precedence.UNARY));
      case Expr.Binary b -> binary(b);
      case Expr.If i -> group(text("if "), expr(i.condition()),
          indent(line(), text("then "), expr(i.then()), line(), text("else "), expr(i.otherwise())));
      case Expr.Lambda l -> concat(lambdaParams(l.params()), text(" -> "), expr(l.body()));
      case Expr.ListLit l -> list("[", "]", l, l.items(), this::expr, false);
      case Expr.MapLit m -> list("{", "}", m, m.entries(), this::mapEntry, false);
      case Expr.Error err -> throw new IllegalStateException("cannot format a tree with errors (at " + err.span() + ")");
    };
  }

  /**
   * A chain of postfix forms. With two calls or more ({@code pods.filter(...).map(...)}) it is one
   * group that, when it does not fit, puts each further {@code .name(...)} on a line of its own:
   * the head (up to the first call, {@code pg.tableStats(env.postgres)}) stays on the first line.
   */
  private Doc postfix(Expr top) {
    var nodes = new ArrayList<Expr>();
    Expr root = top;
    while (target(root) != null) {
      nodes.addFirst(root);
      root = target(root);
    }
    // Links start at each field access; a call or an index belongs to the link before it.
    var links = new ArrayList<List<Expr>>();
    links.add(new ArrayList<>());
    for (var n : nodes) {
      if (n instanceof Expr.Field) links.add(new ArrayList<>());
      links.getLast().add(n);
    }
    int head = 0;
    while (head < links.size() && links.get(head).stream().noneMatch(Expr.Call.class::isInstance)) head++;
    long calls = nodes.stream().filter(Expr.Call.class::isInstance).count();
    boolean breakable = calls >= 2 && head < links.size() - 1;

    var before = new ArrayList<Doc>();
    var headDoc = new ArrayList<Doc>();
    headDoc.add(operand(root, Precedence.POSTFIX));
    var rest = new ArrayList<Doc>();
    for (int l = 0; l < links.size(); l++) {
      var out = breakable && l > head ? rest : headDoc;
      if (out == rest) out.add(softline());
      for (var n : links.get(l)) {
        // The chain's inner nodes are printed here, not through expr(): their comments too.
        if (n != top) before.addFirst(comments.before(n));
        out.add(switch (n) {
          case Expr.Field f -> concat(text(f.safe() ? "?." : "."), ident(f.field()));
          case Expr.Call c -> args(c, c.args());
          case Expr.Index i -> concat(text("["), expr(i.index()), text("]"));
          default -> throw new IllegalStateException("not a postfix form: " + n);
        });
        if (n != top) out.add(comments.after(n));
      }
    }
    var chain = breakable ? group(concat(headDoc), indent(concat(rest))) : concat(headDoc);
    return concat(concat(before), chain);
  }

  /** The target of a postfix form (field access, call, index), or null. */
  private static Expr target(Expr e) {
    return switch (e) {
      case Expr.Field f -> f.target();
      case Expr.Call c -> c.callee();
      case Expr.Index i -> i.target();
      default -> null;
    };
  }

  /** {@code - -a}, not {@code --a}, which reads like a decrement. */
  private static Doc spaceBetweenMinuses(Expr.Unary u) {
    boolean minusMinus = u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.Unary inner && inner.op() == Expr.UnaryOp.NEG;
    return minusMinus ? text(" ") : Doc.EMPTY;
  }

  private Doc operand(Expr e, int needed) { return Precedence.of(e) < needed ? paren(e) : expr(e); }

  /**
   * A chain of operators of one precedence ({@code a + b - c}, {@code a ?? b ?? c}) is one group that
   * breaks before each operator; its operands get parentheses as {@link Precedence#needsParens} says.
   */
  private Doc binary(Expr.Binary b) {
    boolean right = b.op().rightAssociative();
    var chain = new Chain();
    chain.flatten(b, null, false);
    int last = chain.operands.size() - 1;
    var docs = new ArrayList<Doc>();
    // The first operand is a left operand; in a chain grouping to the right, all but the last are.
    for (int i = 0; i <= last; i++) {
      var operand = chain.operands.get(i);
      docs.add(Precedence.needsParens(operand, b.op(), i == 0 || (right && i < last)) ? paren(operand) : expr(operand));
    }
    // The operations folded into the chain keep their comments, around the operands they span
    // (outside the group when they span the chain's start or end, as the chain's own comments do).
    var outsideBefore = new ArrayList<Doc>();
    var outsideAfter = new ArrayList<Doc>();
    for (var inner : chain.inner) {
      if (inner.first() == 0) outsideBefore.addFirst(comments.before(inner.node()));
      else docs.set(inner.first(), concat(comments.before(inner.node()), docs.get(inner.first())));
      if (inner.last() == last) outsideAfter.add(comments.after(inner.node()));
      else docs.set(inner.last(), concat(docs.get(inner.last()), comments.after(inner.node())));
    }
    var rest = new ArrayList<Doc>();
    for (int i = 1; i <= last; i++) {
      rest.add(line());
      rest.add(text(chain.ops.get(i - 1).symbol + " "));
      rest.add(docs.get(i));
    }
    return concat(concat(outsideBefore), group(docs.getFirst(), indent(concat(rest))), concat(outsideAfter));
  }

  /** The operands and operators of a chain, and the nested operations folded into it (innermost first). */
  private static final class Chain {
    record Inner(Expr.Binary node, int first, int last) {}

    final List<Expr> operands = new ArrayList<>();
    final List<Expr.BinaryOp> ops = new ArrayList<>();
    final List<Inner> inner = new ArrayList<>();

    /** Folds in operations of the same precedence that print without parentheses under {@code parent}. */
    void flatten(Expr e, Expr.Binary parent, boolean leftSide) {
      boolean folds = e instanceof Expr.Binary b && (parent == null
          || (b.op().precedence == parent.op().precedence && !Precedence.needsParens(b, parent.op(), leftSide)));
      if (!folds) {
        operands.add(e);
        return;
      }
      var b = (Expr.Binary) e;
      int first = operands.size();
      if (b.op().rightAssociative()) {
        operands.add(b.left());
        ops.add(b.op());
        flatten(b.right(), b, false);
      } else {
        flatten(b.left(), b, true);
        ops.add(b.op());
        operands.add(b.right());
      }
      if (parent != null) inner.add(new Inner(b, first, operands.size() - 1));
    }
  }

  private Doc paren(Expr e) { return concat(text("("), expr(e), text(")")); }

  // ------------------------------------------------------------------ lists

  /**
   * Call arguments. A lone list, map, or lambda that calls something, hugs the parentheses
   * ({@code xs.map(x -> f(\n...\n))}): it breaks inside rather than moving to a line of its own.
   */
  Doc args(Node container, List<Arg> args) {
    if (args.size() == 1 && hugs(args.getFirst()) && !comments.hasAny(args.getFirst())
        && !comments.hasInsideStart(container) && !comments.hasInsideEnd(container)) {
      return concat(text("("), arg(args.getFirst()), text(")"));
    }
    return list("(", ")", container, args, this::arg, false);
  }

  private static boolean hugs(Arg a) {
    if (a.name() != null) return false;
    return switch (a.value()) {
      case Expr.ListLit l -> true;
      case Expr.MapLit m -> true;
      // A lambda whose body opens brackets of its own: p -> rows.Row(...), p -> [...]
      case Expr.Lambda l -> l.body() instanceof Expr.ListLit || l.body() instanceof Expr.MapLit
          || (l.body() instanceof Expr.Call c && !c.args().isEmpty() && calls(c) == 1);
      default -> false;
    };
  }

  /** How many calls a chain of postfix forms holds. */
  private static int calls(Expr e) {
    int n = 0;
    for (var t = e; t != null; t = target(t)) if (t instanceof Expr.Call) n++;
    return n;
  }

  private Doc arg(Arg a) {
    return comments.wrap(a, a.name() == null ? expr(a.value()) : concat(ident(a.name()), text(": "), expr(a.value())));
  }

  private Doc mapEntry(Expr.MapEntry e) {
    return comments.wrap(e, concat(expr(e.key()), text(": "), expr(e.value())));
  }

  /**
   * A bracketed, comma-separated list: on one line when it fits ({@code spaced}: with a space inside
   * the brackets), otherwise one item per line with a trailing comma. Comments on their own lines
   * between items, and a line comment after an item, keep it broken; an empty line between items is
   * kept when the list is broken.
   */
  <T extends Node> Doc list(String open, String close, Node container, List<T> items, Function<T, Doc> print,
                            boolean spaced) {
    if (items.isEmpty() && !comments.hasInsideEnd(container)) {
      return comments.hasInsideStart(container)
          ? concat(text(open), comments.insideStart(container), Doc.closingLine("", true), text(close))
          : text(open + close);
    }
    var inner = new ArrayList<Doc>();
    for (int i = 0; i < items.size(); i++) {
      var item = items.get(i);
      if (i > 0) {
        inner.add(text(","));
        inner.add(source.blankLineBefore(comments.firstOffset(item)) ? Doc.lineOrBlank() : line());
      }
      inner.add(comments.leadingLines(item));
      inner.add(print.apply(item));
    }
    if (!items.isEmpty()) inner.add(new Doc.IfBreak(text(","), Doc.EMPTY));
    inner.add(comments.insideEnd(container, !items.isEmpty()));
    String space = spaced ? " " : "";
    return group(text(open), comments.insideStart(container), indent(new Doc.Line(space, false, false, false), concat(inner)),
        Doc.closingLine(space, false), text(close));
  }

  private Doc lambdaParams(List<Ident> params) {
    if (params.size() == 1) return ident(params.getFirst());
    return concat(text("("), join(params.stream().map(this::ident).toList()), text(")"));
  }

  private static Doc join(List<Doc> docs) {
    var parts = new ArrayList<Doc>();
    for (int i = 0; i < docs.size(); i++) {
      if (i > 0) parts.add(text(", "));
      parts.add(docs.get(i));
    }
    return concat(parts);
  }

  // ------------------------------------------------------------------ types and parameters

  Doc type(TypeRef t) {
    return comments.wrap(t, switch (t) {
      case TypeRef.Named n -> {
        var parts = new ArrayList<Doc>();
        for (int i = 0; i < n.path().size(); i++) {
          if (i > 0) parts.add(text("."));
          parts.add(ident(n.path().get(i)));
        }
        if (!n.args().isEmpty()) {
          parts.add(text("<"));
          parts.add(join(n.args().stream().map(this::type).toList()));
          parts.add(text(">"));
        }
        yield concat(parts);
      }
      case TypeRef.Function f -> concat(text("("), join(f.params().stream().map(this::type).toList()), text(") -> "),
          type(f.result()));
      case TypeRef.Optional o -> concat(type(o.inner()), text("?"));
    });
  }

  /** {@code <T, U>}, or nothing. */
  Doc typeParams(List<Ident> params) {
    if (params.isEmpty()) return Doc.EMPTY;
    return concat(text("<"), join(params.stream().map(this::ident).toList()), text(">"));
  }

  Doc params(Node container, List<ParamSpec> params) { return list("(", ")", container, params, this::param, false); }

  private Doc param(ParamSpec p) {
    var doc = concat(ident(p.name()), text(": "), type(p.type()));
    if (p.defaultValue() != null) doc = concat(doc, text(" = "), expr(p.defaultValue()));
    return comments.wrap(p, doc);
  }

  // ------------------------------------------------------------------ literals

  private Doc string(Expr.StringLit s) {
    if (s.multiline()) return multiLineString(s);
    var parts = new ArrayList<Doc>();
    var pending = new StringBuilder("\"");
    for (var part : s.parts()) {
      switch (part) {
        case StringPart.Text t -> pending.append(StringEscapes.oneLine(t.text()));
        case StringPart.Interpolation i -> {
          parts.add(text(pending.append("${").toString()));
          parts.add(new Doc.Flat(expr(i.expr())));
          pending.setLength(0);
          pending.append('}');
        }
      }
    }
    parts.add(text(pending.append('"').toString()));
    return concat(parts);
  }

  /**
   * {@code """}, then each line of the text one level deeper than the line the string starts on,
   * then the closing quotes on a line of their own at that same depth: the parser strips exactly
   * that common indentation and gets the same text back.
   */
  private Doc multiLineString(Expr.StringLit s) {
    if (s.parts().isEmpty()) return text("\"\"\"\"\"\"");
    var body = new ArrayList<Doc>();
    body.add(new Doc.StringNewline());
    for (var part : s.parts()) {
      switch (part) {
        case StringPart.Text t -> {
          String[] lines = t.text().split("\n", -1);
          for (int i = 0; i < lines.length; i++) {
            if (i > 0) body.add(new Doc.StringNewline());
            body.add(text(StringEscapes.multiLine(lines[i])));
          }
        }
        case StringPart.Interpolation i -> {
          body.add(text("${"));
          body.add(new Doc.Flat(expr(i.expr())));
          body.add(text("}"));
        }
      }
    }
    body.add(new Doc.StringNewline());
    body.add(text("\"\"\""));
    return concat(text("\"\"\""), indent(concat(body)));
  }

  /** Numbers keep the digits as written ({@code 1_000}) when they still read as the same value. */
  private static String asWritten(Expr e, String canonical) {
    var span = e.span();
    if (span.file() == null || span.end() > span.file().text().length()) return canonical;
    String written = span.text();
    boolean same = switch (e) {
      case Expr.IntLit i -> written.matches("[0-9][0-9_]*") && parsesTo(written, Long.toString(i.value()));
      case Expr.FloatLit f -> written.matches("[0-9][0-9_]*\\.[0-9][0-9_]*")
          && Double.compare(Double.parseDouble(written.replace("_", "")), f.value()) == 0;
      default -> false;
    };
    return same ? written : canonical;
  }

  private static boolean parsesTo(String digits, String canonical) {
    return new BigDecimal(digits.replace("_", "")).toPlainString().equals(canonical);
  }

  private static String floatText(double value) {
    String s = BigDecimal.valueOf(value).toPlainString();
    return s.indexOf('.') >= 0 ? s : s + ".0";
  }
}
