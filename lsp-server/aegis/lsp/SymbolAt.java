package aegis.lsp;

import aegis.syntax.Span;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Ident;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.TypeRef;
import aegis.types.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The name under the cursor and the checker's symbol for it, and every place of a file that names
 * the same symbol. Symbols are compared by where they are declared ({@link Key}), so a use, its
 * declaration and uses in other files match even though each check makes its own objects.
 *
 * @param name the span of the name itself (an identifier, not the whole expression)
 */
public record SymbolAt(Node node, Span name, Symbol symbol) {

  /** What makes two symbols the same: kind, name and declaring place (file and offset). */
  public record Key(Symbol.Kind kind, String name, String file, int start) {
    public static Key of(Symbol s) {
      if (s.span() == null) return new Key(s.kind(), s.name(), s.module(), -1);
      var f = s.span().file();
      return new Key(s.kind(), s.name(), f.path() != null ? f.path().toString() : f.name(), s.span().start());
    }
  }

  /** The symbol named at {@code offset}, or null when the cursor is on no resolved name. */
  public static SymbolAt find(Analysis a, int offset) {
    var path = NodeFinder.path(a.ast(), offset);
    var program = a.program();
    for (int i = path.size() - 1; i >= 0; i--) {
      var node = path.get(i);
      var sym = program.symbolOf(node);
      if (sym == null && node instanceof Ident id && i > 0) {
        var parent = path.get(i - 1);
        if (parent instanceof Expr.Field f && f.field() == id) sym = program.symbolOf(f);
        if (parent instanceof TypeRef.Named n && n.path().getLast() == id) sym = program.symbolOf(n);
      }
      if (sym != null) return new SymbolAt(node, nameSpan(node), sym);
      if (node instanceof Expr && !(node instanceof Expr.Field) && !(node instanceof Expr.Name)) return null;
    }
    return null;
  }

  /** Every span of this file that names the symbol with {@code key} (declaration included), in order. */
  public static List<Span> occurrences(Analysis a, Key key) {
    var byStart = new LinkedHashMap<Integer, Span>();
    for (var e : a.program().symbols().entrySet()) {
      if (!Key.of(e.getValue()).equals(key)) continue;
      var span = nameSpan(e.getKey());
      if (span.file() == a.source()) byStart.putIfAbsent(span.start(), span);
    }
    var out = new ArrayList<>(byStart.values());
    out.sort(java.util.Comparator.comparingInt(Span::start));
    return out;
  }

  /** The part of a node that is the name: a field access's field, a qualified type's last part. */
  public static Span nameSpan(Node n) {
    return switch (n) {
      case Expr.Field f -> f.field().span();
      case TypeRef.Named t -> t.path().getLast().span();
      case Expr.Call c -> nameSpan(c.callee());
      default -> n.span();
    };
  }

  public Key key() { return Key.of(symbol); }

  /** Whether the symbol is declared in this file (rather than a module, the stdlib or nowhere). */
  public boolean declaredIn(Analysis a) {
    return symbol.span() != null && Objects.equals(symbol.span().file(), a.source());
  }
}
