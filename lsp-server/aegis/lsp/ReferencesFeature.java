package aegis.lsp;

import aegis.syntax.Span;
import aegis.types.Symbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * Find references. A name local to a runbook (a let, a param, a loop or lambda variable) is looked
 * for in its file only; a module's declaration (a stdlib function, a record of a module file) in
 * every file of the workspace and every open buffer, each analysed by the checker.
 */
public final class ReferencesFeature {
  private final Analyzer analyzer;
  private final Workspace workspace;
  private final Locations locations;

  public ReferencesFeature(Analyzer analyzer, Workspace workspace, Locations locations) {
    this.analyzer = analyzer;
    this.workspace = workspace;
    this.locations = locations;
  }

  public List<Location> references(Analysis a, Position position, boolean includeDeclaration) {
    var at = SymbolAt.find(a, Positions.offset(a.source(), position));
    if (at == null) return List.of();
    var out = new ArrayList<Location>();
    for (var e : occurrences(a, at).entrySet()) {
      for (var span : e.getValue()) {
        if (!includeDeclaration && isDeclaration(at.symbol(), span)) continue;
        out.add(new Location(e.getKey(), Positions.range(span)));
      }
    }
    var decl = at.symbol().span();
    if (includeDeclaration && decl != null && out.stream().noneMatch(l -> l.getRange().equals(Positions.range(decl))
        && l.getUri().equals(locations.uri(decl.file())))) {
      var where = locations.location(decl);
      if (where != null) out.addFirst(where);
    }
    return out;
  }

  /** Every span naming the symbol, by document URI: this file first. */
  Map<String, List<Span>> occurrences(Analysis a, SymbolAt at) {
    var out = new LinkedHashMap<String, List<Span>>();
    var key = at.key();
    out.put(a.uri(), SymbolAt.occurrences(a, key));
    if (!isLocal(at.symbol(), a)) {
      for (var other : otherAnalyses(a)) {
        var spans = SymbolAt.occurrences(other, key);
        if (!spans.isEmpty()) out.put(other.uri(), spans);
      }
    }
    return out;
  }

  /** Names that cannot be seen from another file. */
  static boolean isLocal(Symbol s, Analysis a) {
    return switch (s.kind()) {
      case LOOP_VARIABLE, LAMBDA_PARAM, FUNCTION_PARAM, PARAM, MODULE -> true;
      case LET -> s.module() == null;
      default -> false;
    };
  }

  private List<Analysis> otherAnalyses(Analysis a) {
    var seen = new java.util.HashSet<String>();
    seen.add(a.uri());
    var out = new ArrayList<Analysis>();
    for (var doc : analyzer.documents().all()) {
      if (seen.add(doc.uri())) out.add(analyzer.analyze(doc));
    }
    for (Path p : workspace.aegisFiles()) {
      if (!seen.add(Uris.of(p)) || analyzer.stdlibFiles().moduleAt(p) != null) continue;
      var other = analyzer.analyzeFile(p);
      if (other != null) out.add(other);
    }
    return out;
  }

  private static boolean isDeclaration(Symbol s, Span span) {
    return s.span() != null && s.span().start() == span.start() && s.span().file().name().equals(span.file().name());
  }
}
