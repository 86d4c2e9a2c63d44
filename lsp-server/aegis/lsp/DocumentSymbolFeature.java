package aegis.lsp;

import aegis.syntax.Span;
import aegis.syntax.ast.AegisFile;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.ImportDecl;
import aegis.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/**
 * The outline of a file: imports, params, steps (with the lets, loops and steps inside them),
 * records with their fields, enums with their members, functions, lets, {@code on failure} and
 * {@code finally}. Works from the syntax tree alone, so a file with errors still has an outline.
 */
public final class DocumentSymbolFeature {
  public List<DocumentSymbol> symbols(AegisFile file) {
    var out = new ArrayList<DocumentSymbol>();
    for (var i : file.imports()) {
      String name = switch (i) {
        case ImportDecl.Module m -> m.module().name() + (m.explicitAlias() == null ? "" : " as " + m.explicitAlias().name());
        case ImportDecl.File f -> f.path().span().text() + (f.explicitAlias() == null ? "" : " as " + f.explicitAlias().name());
      };
      out.add(symbol(name, "import", SymbolKind.Module, i.span(), i.alias() == null ? i.span() : i.alias().span(), List.of()));
    }
    for (var d : file.decls()) decl(d, out);
    if (file.header() == null) return out;
    Header h = file.header();
    var kind = switch (h.kind()) {
      case RUNBOOK -> "runbook";
      case MODULE -> "module";
      case ENVIRONMENT -> "environment";
    };
    return List.of(symbol(h.name().name(), kind, SymbolKind.File, file.span(), h.name().span(), out));
  }

  private void decl(Decl d, List<DocumentSymbol> out) {
    switch (d) {
      case Decl.Param p -> out.add(symbol(p.name().name(), "param: " + p.type().span().text(), SymbolKind.Variable, p.span(),
          p.name().span(), List.of()));
      case Decl.Window w -> out.add(symbol("window", w.window().span().text(), SymbolKind.Event, w.span(), w.span(), List.of()));
      case Decl.OnFailure o -> out.add(symbol("on failure", null, SymbolKind.Namespace, o.span(), o.span(), block(o.body())));
      case Decl.Finally f -> out.add(symbol("finally", null, SymbolKind.Namespace, f.span(), f.span(), block(f.body())));
      case Decl.Record r -> {
        var fields = r.fields().stream().map(f -> symbol(f.name().name(), f.type().span().text(), SymbolKind.Field, f.span(),
            f.name().span(), List.of())).toList();
        out.add(symbol(r.name().name(), "record", SymbolKind.Struct, r.span(), r.name().span(), fields));
      }
      case Decl.Enum e -> {
        var members = e.members().stream().map(m -> symbol(m.name(), null, SymbolKind.EnumMember, m.span(), m.span(), List.of()))
            .toList();
        out.add(symbol(e.name().name(), "enum", SymbolKind.Enum, e.span(), e.name().span(), members));
      }
      case Decl.ExternFn f -> out.add(symbol(f.name().name(), "extern " + f.effect(), SymbolKind.Function, f.span(),
          f.name().span(), List.of()));
      case Decl.Fn f -> out.add(symbol(f.name().name(), "fn", SymbolKind.Function, f.span(), f.name().span(), List.of()));
      case Stmt s -> stmt(s, out);
    }
  }

  private void stmt(Stmt s, List<DocumentSymbol> out) {
    switch (s) {
      case Stmt.Let l -> out.add(symbol(l.name().name(), "let", SymbolKind.Variable, l.span(), l.name().span(), List.of()));
      case Stmt.Step st -> out.add(symbol(st.name().span().text(), "step", SymbolKind.Event, st.span(), st.name().span(),
          block(st.body())));
      case Stmt.For f -> out.add(symbol("for " + f.variable().name(), f.isParallel() ? "parallel" : null, SymbolKind.Array,
          f.span(), f.variable().span(), block(f.body())));
      case Stmt.If i -> {
        out.addAll(block(i.then()));
        if (i.otherwise() instanceof Stmt.Block b) out.addAll(block(b));
        if (i.otherwise() instanceof Stmt.If elseIf) stmt(elseIf, out);
      }
      default -> { }
    }
  }

  private List<DocumentSymbol> block(Stmt.Block b) {
    var out = new ArrayList<DocumentSymbol>();
    for (var s : b.stmts()) stmt(s, out);
    return out;
  }

  private static DocumentSymbol symbol(String name, String detail, SymbolKind kind, Span range, Span selection,
                                       List<DocumentSymbol> children) {
    var sel = selection.start() >= range.start() && selection.end() <= range.end() ? selection : range;
    var d = new DocumentSymbol(name.isBlank() ? "?" : name, kind, Positions.range(range), Positions.range(sel), detail);
    if (!children.isEmpty()) d.setChildren(children);
    return d;
  }

  /** Top-level declarations only (for workspace symbols): the file's children without the header level. */
  public List<DocumentSymbol> topLevel(AegisFile file) {
    var all = symbols(file);
    if (file.header() != null && all.size() == 1 && all.getFirst().getChildren() != null) {
      var out = new ArrayList<DocumentSymbol>(all);
      out.addAll(all.getFirst().getChildren());
      return out;
    }
    return all;
  }

}
