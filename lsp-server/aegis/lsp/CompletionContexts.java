package aegis.lsp;

import aegis.lsp.CompletionContext.Kind;
import aegis.syntax.Span;
import aegis.syntax.Tokens;
import aegis.syntax.Tokens.Tok;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.FieldDecl;
import aegis.syntax.ast.ImportDecl;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.ParamSpec;
import aegis.syntax.ast.StepOption;
import aegis.syntax.ast.Stmt;
import java.util.List;
import java.util.Set;

/**
 * Works out the {@link CompletionContext} at an offset from the tokens around the cursor (which
 * half-typed code still has) and the syntax tree (which says what encloses it).
 */
final class CompletionContexts {
  /** Words after which a new name is being declared: nothing to complete. */
  private static final Set<String> DECLARING = Set.of("as", "let", "param", "for", "fn", "record", "enum", "step",
      "runbook", "module", "environment");
  private CompletionContexts() {}

  static CompletionContext find(Analysis a, int offset) {
    var tokens = a.tokens();
    var path = NodeFinder.path(a.ast(), offset);
    int i = offset > 0 ? Tokens.indexAt(tokens, offset - 1) : -1;
    Tok cur = i >= 0 ? tokens.get(i) : null;
    int wordStart = offset;
    int scanFrom = i;
    if (cur != null) {
      switch (cur.kind()) {
        case COMMENT, DOC_COMMENT, NUMBER, UNIT_NUMBER, BAD -> {
          return context(Kind.NONE, a, offset, offset, null, null, path);
        }
        case STRING -> {
          var s = NodeFinder.innermost(NodeFinder.path(a.ast(), offset - 1), Expr.StringLit.class);
          boolean closed = s != null && s.span().end() == offset && s.span().length() > 1 && s.span().text().endsWith("\"");
          if (!closed) return string(a, offset, s, path);
        }
        case IDENTIFIER, KEYWORD -> {
          wordStart = cur.span().start();
          scanFrom = i - 1;
        }
        default -> { }
      }
    }
    int p = previousSignificant(tokens, scanFrom);
    if (p < 0) return context(Kind.TOP_LEVEL, a, offset, wordStart, null, null, path);
    Tok prev = tokens.get(p);
    String t = prev.text();
    if (prev.kind() == Tokens.Kind.PUNCTUATION && (t.equals(".") || t.equals("?."))) {
      var receiver = receiverEnding(a, prev.span().start());
      boolean typeOnly = typeIntroducerBefore(a, tokens, p, path);
      return new CompletionContext(Kind.MEMBER, offset, prefix(a, wordStart, offset), span(a, wordStart, offset), receiver,
          null, inStep(path), typeOnly);
    }
    if (prev.kind() == Tokens.Kind.KEYWORD) {
      if (t.equals("import")) return context(Kind.IMPORT_MODULE, a, offset, wordStart, null, null, path);
      if (t.equals("run")) return context(Kind.RUN_TARGET, a, offset, wordStart, null, null, path);
      if (DECLARING.contains(t) && !afterDot(tokens, p)) return context(Kind.NONE, a, offset, wordStart, null, null, path);
    }
    if (isTypeIntroducer(a, tokens, p, path)) return context(Kind.TYPE, a, offset, wordStart, null, null, path);
    if (t.equals("(") || t.equals(",")) {
      var call = callAt(path, offset);
      if (call != null) return context(Kind.ARGUMENT, a, offset, wordStart, null, call, path);
      return context(Kind.EXPRESSION, a, offset, wordStart, null, null, path);
    }
    boolean newLine = a.source().line(prev.span().end()) < a.source().line(wordStart);
    if (t.equals("{") || t.equals("}") || (newLine && endsStatement(prev))) {
      boolean inBlock = NodeFinder.innermost(path, Stmt.Block.class) != null;
      boolean inLiteral = t.equals("{") && NodeFinder.innermost(path, Expr.MapLit.class) != null;
      if (!inLiteral) return context(inBlock ? Kind.STATEMENT : Kind.TOP_LEVEL, a, offset, wordStart, null, null, path);
    }
    return context(Kind.EXPRESSION, a, offset, wordStart, null, null, path);
  }

  private static CompletionContext string(Analysis a, int offset, Expr.StringLit s, List<Node> path) {
    int start = s == null ? offset : Math.min(offset, s.span().start() + (s.span().text().startsWith("\"\"\"") ? 3 : 1));
    if (s != null && !s.isConstant()) start = offset;
    for (var n : path) {
      if (n instanceof ImportDecl.File f && f.path() == s) return context(Kind.IMPORT_PATH, a, offset, start, null, s, path);
    }
    return context(Kind.STRING, a, offset, start, null, s, path);
  }

  private static CompletionContext context(Kind kind, Analysis a, int offset, int wordStart, Expr receiver, Node call,
                                           List<Node> path) {
    return new CompletionContext(kind, offset, prefix(a, wordStart, offset), span(a, wordStart, offset), receiver, call,
        inStep(path), false);
  }

  private static String prefix(Analysis a, int from, int to) { return a.source().text().substring(from, to); }

  private static Span span(Analysis a, int from, int to) { return new Span(a.source(), from, to); }

  private static boolean inStep(List<Node> path) { return NodeFinder.innermost(path, Stmt.Step.class) != null; }

  private static int previousSignificant(List<Tok> tokens, int from) {
    for (int k = Math.min(from, tokens.size() - 1); k >= 0; k--) if (tokens.get(k).significant()) return k;
    return -1;
  }

  private static boolean afterDot(List<Tok> tokens, int k) {
    int before = previousSignificant(tokens, k - 1);
    return before >= 0 && (tokens.get(before).is(".") || tokens.get(before).is("?."));
  }

  /** A token after which, on a new line, a new statement begins. */
  private static boolean endsStatement(Tok t) {
    return switch (t.kind()) {
      case IDENTIFIER, NUMBER, UNIT_NUMBER, STRING -> true;
      case KEYWORD -> t.is("true") || t.is("false") || t.is("null");
      case PUNCTUATION -> t.is(")") || t.is("]") || t.is("}");
      default -> false;
    };
  }

  /** Whether the token at {@code k} is followed by a type: a declaration's {@code :}, a signature's {@code ->}, {@code List<}. */
  private static boolean isTypeIntroducer(Analysis a, List<Tok> tokens, int k, List<Node> path) {
    var t = tokens.get(k);
    if (t.is(":")) {
      int name = previousSignificant(tokens, k - 1);
      int before = name >= 0 ? previousSignificant(tokens, name - 1) : -1;
      if (before >= 0 && (tokens.get(before).is("param") || tokens.get(before).is("let"))) return true;
      for (int n = path.size() - 1; n >= 0; n--) {
        var node = path.get(n);
        if (node instanceof FieldDecl || node instanceof ParamSpec || node instanceof Decl.Record) return true;
        if (node instanceof Expr || node instanceof Stmt || node instanceof StepOption) return false;
      }
      return false;
    }
    if (t.is("->")) {
      for (var node : path) if (node instanceof Decl.Fn || node instanceof Decl.ExternFn) return !(innermostExpr(path) != null);
      return false;
    }
    if (t.is("<") || t.is(",")) {
      int depth = 0;
      for (int k2 = k; k2 >= 0; k2--) {
        var x = tokens.get(k2);
        if (!x.significant()) continue;
        if (x.is(">")) depth++;
        else if (x.is("<") && depth-- == 0) {
          int name = previousSignificant(tokens, k2 - 1);
          return name >= 0 && (tokens.get(name).is("List") || tokens.get(name).is("Map"))
              && isTypeContextBefore(a, tokens, name, path);
        } else if (x.is("(") || x.is(")") || x.is("{") || x.is("}") || x.is("=") || x.is("[")) {
          return false;
        }
      }
    }
    return false;
  }

  /** Whether {@code List} at {@code k} is itself in a type (not the comparison {@code a < b}). */
  private static boolean isTypeContextBefore(Analysis a, List<Tok> tokens, int k, List<Node> path) {
    int before = previousSignificant(tokens, k - 1);
    return before >= 0 && isTypeIntroducer(a, tokens, before, path);
  }

  /** Whether the dotted name ending at the dot {@code k} is in a type ({@code param p: k8s.|}). */
  private static boolean typeIntroducerBefore(Analysis a, List<Tok> tokens, int k, List<Node> path) {
    int j = k;
    while (true) {
      int name = previousSignificant(tokens, j - 1);
      if (name < 0 || tokens.get(name).kind() != Tokens.Kind.IDENTIFIER) return false;
      int before = previousSignificant(tokens, name - 1);
      if (before < 0) return false;
      if (tokens.get(before).is(".")) {
        j = before;
        continue;
      }
      return isTypeIntroducer(a, tokens, before, path);
    }
  }

  private static Expr innermostExpr(List<Node> path) { return NodeFinder.innermost(path, Expr.class); }

  /** The expression that ends where a dot starts: the dot's receiver, outermost first. */
  static Expr receiverEnding(Analysis a, int dotStart) {
    if (dotStart == 0) return null;
    for (var node : NodeFinder.path(a.ast(), dotStart - 1)) {
      if (node instanceof Expr e && e.span().end() == dotStart && switch (e) {
        case Expr.Binary b -> false;
        case Expr.Unary u -> false;
        case Expr.If f -> false;
        case Expr.Lambda l -> false;
        case Expr.Error err -> false;
        default -> true;
      }) {
        return e;
      }
    }
    return null;
  }

  /** The call, {@code run}, {@code retry(...)} or {@code parallel(...)} whose argument list holds the offset. */
  private static Node callAt(List<Node> path, int offset) {
    for (int n = path.size() - 1; n >= 0; n--) {
      var node = path.get(n);
      switch (node) {
        case Expr.Call c when offset > c.callee().span().end() -> { return c; }
        case Stmt.Run r when offset > r.runbook().span().end() -> { return r; }
        case StepOption.Retry r -> { return r; }
        case Stmt.For f when f.isParallel() && offset < f.body().span().start() && offset > f.iterable().span().end() -> {
          return f;
        }
        case Expr.ListLit l -> { return null; }
        case Expr.MapLit m -> { return null; }
        case Expr.Lambda l -> { return null; }
        case Stmt.Block b -> { return null; }
        default -> { }
      }
    }
    return null;
  }
}
