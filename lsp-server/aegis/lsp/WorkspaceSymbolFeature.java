package aegis.lsp;

import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Workspace symbols: the declarations of every {@code .aegis} file of the workspace and every open
 * buffer (runbooks, steps, params, records, enums, functions, lets), matched by the letters of the
 * query in order ({@code rlst} finds {@code rolloutStatus}). Parses only; no checking is needed.
 */
public final class WorkspaceSymbolFeature {
  private static final int LIMIT = 500;
  private final DocumentStore documents;
  private final Workspace workspace;
  private final DocumentSymbolFeature outline = new DocumentSymbolFeature();

  public WorkspaceSymbolFeature(DocumentStore documents, Workspace workspace) {
    this.documents = documents;
    this.workspace = workspace;
  }

  public List<WorkspaceSymbol> symbols(String query) {
    var out = new ArrayList<WorkspaceSymbol>();
    var seen = new HashSet<String>();
    for (var doc : documents.all()) {
      seen.add(doc.uri());
      collect(doc.uri(), doc.text(), query, out);
    }
    for (var path : workspace.aegisFiles()) {
      var uri = Uris.of(path);
      if (!seen.add(uri)) continue;
      try {
        collect(uri, Files.readString(path), query, out);
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        // An unreadable file has no symbols to offer.
      }
      if (out.size() >= LIMIT) break;
    }
    return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
  }

  private void collect(String uri, String text, String query, List<WorkspaceSymbol> out) {
    var path = Uris.path(uri);
    var source = path != null ? SourceFile.of(path, text) : SourceFile.virtual(uri, text);
    for (DocumentSymbol d : outline.topLevel(Parser.parse(source).ast())) {
      if (!matches(d.getName(), query)) continue;
      var ws = new WorkspaceSymbol(d.getName(), d.getKind(), Either.forLeft(new Location(uri, d.getSelectionRange())));
      ws.setContainerName(path == null ? uri : path.getFileName().toString());
      out.add(ws);
    }
  }

  /** The query's letters appear in the name in order, ignoring case. */
  static boolean matches(String name, String query) {
    var n = name.toLowerCase(Locale.ROOT);
    int i = 0;
    for (char c : query.toLowerCase(Locale.ROOT).toCharArray()) {
      i = n.indexOf(c, i);
      if (i < 0) return false;
      i++;
    }
    return true;
  }
}
