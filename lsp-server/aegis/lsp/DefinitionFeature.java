package aegis.lsp;

import aegis.syntax.ast.ImportDecl;
import aegis.syntax.ast.Node;
import aegis.types.ModuleInfo;
import aegis.types.Symbol;
import aegis.types.Type;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * Go to definition: where the checker says a name is declared. A module name (or an import) goes
 * to the module's file: a module file of the workspace, or the stdlib source, served from the
 * stdlib cache ({@link StdlibFiles}) as a plain {@code file:} URI.
 */
public final class DefinitionFeature {
  private final Locations locations;

  public DefinitionFeature(Locations locations) { this.locations = locations; }

  public List<Location> definition(Analysis a, Position position) {
    int offset = Positions.offset(a.source(), position);
    var at = SymbolAt.find(a, offset);
    if (at == null) return importedFile(a, offset);
    var s = at.symbol();
    if (s.kind() == Symbol.Kind.MODULE && s.type() instanceof Type.ModuleType m) {
      var where = moduleLocation(m.module());
      return where == null ? List.of() : List.of(where);
    }
    if (s.span() == null) return List.of();
    var where = locations.location(s.span());
    return where == null ? List.of() : List.of(where);
  }

  /** The header of a module's file (its name), or null when it has no file an editor can open. */
  Location moduleLocation(ModuleInfo module) {
    var program = module.program();
    if (program == null) return null;
    var header = program.ast().header();
    var span = header != null ? header.name().span() : new aegis.syntax.Span(program.source(), 0, 0);
    return locations.location(span);
  }

  /** On the path of {@code import "lib/x.aegis" as x}: that file. */
  private List<Location> importedFile(Analysis a, int offset) {
    for (Node n : NodeFinder.path(a.ast(), offset)) {
      if (!(n instanceof ImportDecl imp)) continue;
      for (var resolved : a.program().imports()) {
        if (resolved.decl() == imp && resolved.module() != null) {
          var where = moduleLocation(resolved.module());
          return where == null ? List.of() : List.of(where);
        }
      }
    }
    return List.of();
  }
}
