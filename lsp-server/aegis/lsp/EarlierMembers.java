package aegis.lsp;

import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.Tokens;
import aegis.syntax.Tokens.Tok;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Stmt;
import aegis.types.CheckedProgram;
import aegis.types.Symbol;
import aegis.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Member completion ({@code x.|}, {@code k8s.PodPhase.|}) from the analysis of an earlier version of
 * the document, so that completion right after typing a dot does not wait for the whole file to be
 * parsed and checked again. It answers only where the earlier check says what a fresh one would:
 * the earlier text had no syntax errors; the text changed in one place, by names, dots and
 * whitespace alone (nothing that declares a name, opens or closes a scope, a string or a comment),
 * not inside a lambda or function whose body is an expression (a new line there may end the
 * expression, and the scope with it); and the receiver is a chain of plain names that the earlier
 * check resolves in the scope of that place. Anything else (a call or an index before the dot, a
 * place where a type goes, an edit touching a string or a comment) gives null, and completion
 * waits for the analysis of the current text as before. {@code EarlierMembersTest} holds it to
 * the fresh answer over the repository's runbooks.
 */
final class EarlierMembers {
  /** The receiver's symbol and type in the earlier program, and where the cursor is in the current text. */
  record Receiver(CheckedProgram program, Symbol symbol, Type type, CompletionContext context) {}

  /** Operators that also appear in types ({@code -> T}, {@code List<T>}, {@code T?}). */
  private static final Set<String> TYPE_OPERATORS = Set.of("->", "<", ">", "?");
  /** Keywords an expression follows. */
  private static final Set<String> EXPRESSION_KEYWORDS = Set.of("if", "then", "else", "in", "check", "until", "report",
      "fail", "warn");

  private EarlierMembers() {}

  /** The receiver at {@code position} of {@code now}, resolved in {@code earlier}; null when it cannot be told that way. */
  static Receiver find(Analysis earlier, OpenDocument now, org.eclipse.lsp4j.Position position) {
    if (earlier.stdlibModule() != null || !earlier.uri().equals(now.uri()) || syntaxErrors(earlier)) return null;
    String before = earlier.document().text();
    String text = now.text();
    int prefix = 0;
    int max = Math.min(before.length(), text.length());
    while (prefix < max && before.charAt(prefix) == text.charAt(prefix)) prefix++;
    int suffix = 0;
    while (suffix < max - prefix
        && before.charAt(before.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) suffix++;
    if (!plain(before, prefix, before.length() - suffix) || !plain(text, prefix, text.length() - suffix)) return null;
    // The edit must not touch a scope's first or last character, which a scope's region ends on.
    if (prefix > 0 && isBrace(before.charAt(prefix - 1)) || prefix < before.length() && isBrace(before.charAt(prefix))) {
      return null;
    }

    var source = new SourceFile(earlier.source().name(), earlier.source().path(), text);
    int offset = Positions.offset(source, position);
    int lineStart = source.offsetOf(source.line(offset) - 1, 0);
    int shift = text.length() - before.length();
    int earlierLineStart = lineStart <= prefix ? lineStart : lineStart >= text.length() - suffix ? lineStart - shift : -1;
    if (earlierLineStart < 0 || insideStringOrComment(earlier, earlierLineStart)
        || insideStringOrComment(earlier, Math.min(prefix, before.length()))) {
      return null;
    }
    int earlierOffset = offset <= prefix ? offset : offset >= text.length() - suffix ? offset - shift : prefix;
    if (inScopeWithoutBraces(earlier, earlierOffset)) return null;

    var tokens = Tokens.lex(SourceFile.virtual(source.name(), text.substring(lineStart, offset)));
    int k = tokens.size() - 1;
    int wordStart = offset;
    if (k >= 0 && (tokens.get(k).kind() == Tokens.Kind.IDENTIFIER || tokens.get(k).kind() == Tokens.Kind.KEYWORD)) {
      wordStart = lineStart + tokens.get(k).span().start();
      k--;
    }
    var names = new ArrayList<String>();
    while (k >= 1 && tokens.get(k).is(".") && tokens.get(k - 1).kind() == Tokens.Kind.IDENTIFIER) {
      names.addFirst(tokens.get(k - 1).text());
      k -= 2;
    }
    if (names.isEmpty() || !startsExpression(tokens, k, text, lineStart)) return null;

    var program = earlier.program();
    // A scope whose region starts at the offset (a `for` typed in front of) or ends just before it
    // does not hold what is typed there: the name must mean the same on both sides.
    Symbol symbol = program.namesVisibleAt(earlierOffset).get(names.getFirst());
    if (symbol == null || earlierOffset > 0 && program.namesVisibleAt(earlierOffset - 1).get(names.getFirst()) != symbol
        || symbol.declaration() instanceof Stmt.Let l && l.span().contains(earlierOffset)) {
      return null;
    }
    Type type = symbol.type();
    for (var name : names.subList(1, names.size())) {
      symbol = member(program, symbol, type, name);
      if (symbol == null) return null;
      type = symbol.type();
    }
    var context = new CompletionContext(CompletionContext.Kind.MEMBER, offset, text.substring(wordStart, offset),
        new Span(source, wordStart, offset), null, null, false, false);
    return new Receiver(program, symbol, type, context);
  }

  /** A module's declaration or a record's field named {@code name}, or null. */
  private static Symbol member(CheckedProgram program, Symbol owner, Type type, String name) {
    if (owner.kind() == Symbol.Kind.MODULE && owner.type() instanceof Type.ModuleType m) {
      for (var d : m.module().declarations()) if (d.name().equals(name)) return d;
      return null;
    }
    if (!owner.kind().isValue()) return null;
    for (var s : program.membersOf(type)) if (s.kind() == Symbol.Kind.FIELD && s.name().equals(name)) return s;
    return null;
  }

  /**
   * Whether the chain whose first name follows token {@code k} is an expression, not a type: it
   * starts a line that does not continue the one above, or follows an operator other than those of
   * types, an opening bracket, an interpolation or a keyword an expression follows.
   */
  private static boolean startsExpression(List<Tok> tokens, int k, String text, int lineStart) {
    while (k >= 0 && !tokens.get(k).significant()) k--;
    if (k < 0) {
      int i = lineStart - 1;
      while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
      return i < 0 || ".?:,<>".indexOf(text.charAt(i)) < 0;
    }
    var t = tokens.get(k);
    return switch (t.kind()) {
      case OPERATOR -> !TYPE_OPERATORS.contains(t.text());
      case PUNCTUATION -> t.is("(") || t.is("[");
      case INTERPOLATION -> true;
      case KEYWORD -> EXPRESSION_KEYWORDS.contains(t.text());
      default -> false;
    };
  }

  /** Only name characters, dots and whitespace between {@code from} and {@code to}. */
  private static boolean plain(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    }
    return true;
  }

  private static boolean isBrace(char c) { return c == '{' || c == '}'; }

  /**
   * Whether the offset is in a lambda or function whose body is an expression: its scope ends where
   * the expression does, and a line typed into it may end the expression there.
   */
  private static boolean inScopeWithoutBraces(Analysis a, int offset) {
    var text = a.source().text();
    for (var n : NodeFinder.path(a.ast(), offset)) {
      if ((n instanceof Expr.Lambda || n instanceof Decl.Fn) && n.span().length() > 0
          && text.charAt(n.span().end() - 1) != '}') {
        return true;
      }
    }
    return false;
  }

  /** Whether the earlier text has syntax errors: its tree is what recovery made of it, the scopes too. */
  private static boolean syntaxErrors(Analysis a) {
    for (var d : a.program().diagnostics()) {
      if (d.code().name().startsWith("AEG1") && d.span().file() == a.source()) return true;
    }
    return false;
  }

  private static boolean insideStringOrComment(Analysis a, int offset) {
    for (var c : a.comments()) if (c.span().start() < offset && offset < c.span().end()) return true;
    var string = NodeFinder.innermost(NodeFinder.path(a.ast(), offset), Expr.StringLit.class);
    return string != null && string.span().start() < offset && offset < string.span().end();
  }
}
