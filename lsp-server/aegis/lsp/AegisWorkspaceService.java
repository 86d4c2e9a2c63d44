package aegis.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace requests: symbols across files; a file changed on disk re-checks the open documents. */
final class AegisWorkspaceService implements WorkspaceService {
  private final WorkspaceSymbolFeature symbols;
  private final Analyzer analyzer;
  private final DiagnosticsFeature diagnostics;
  private final ExecutorService requests;

  AegisWorkspaceService(WorkspaceSymbolFeature symbols, Analyzer analyzer, DiagnosticsFeature diagnostics,
                        ExecutorService requests) {
    this.symbols = symbols;
    this.analyzer = analyzer;
    this.diagnostics = diagnostics;
    this.requests = requests;
  }

  @Override
  public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
      WorkspaceSymbolParams params) {
    return CompletableFuture.supplyAsync(() -> Either.forRight(symbols.symbols(params.getQuery())), requests);
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {}

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    for (var doc : analyzer.documents().all()) {
      analyzer.forget(doc.uri());
      diagnostics.scheduleAfterEdit(doc.uri());
    }
  }
}
