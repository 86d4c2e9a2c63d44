package aegis.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The aegis language server (LSP over JSON-RPC, lsp4j). It owns the open documents, the analyzer
 * (the real parser and checker, one analysis per document version) and one object per feature; the
 * text-document and workspace services route requests to them. Requests run on virtual threads;
 * notifications (edits) are applied in order on the thread that reads messages.
 */
public final class AegisLanguageServer implements LanguageServer, LanguageClientAware {
  private final DocumentStore documents = new DocumentStore();
  private final Workspace workspace = new Workspace();
  private final Analyzer analyzer;
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("aegis-lsp-diagnostics").factory());
  private final AegisTextDocumentService textDocuments;
  private final AegisWorkspaceService workspaceService;
  private final Runnable onExit;
  private volatile LanguageClient client;
  private volatile boolean shutdown;

  /** A server whose stdlib copies go to {@code stdlibCache}; {@code onExit} runs on the client's {@code exit}. */
  public AegisLanguageServer(Path stdlibCache, Runnable onExit) {
    this.analyzer = new Analyzer(documents, stdlibCache);
    this.onExit = onExit;
    var locations = new Locations(analyzer.stdlibFiles());
    var diagnostics = new DiagnosticsFeature(analyzer, locations, () -> client, scheduler);
    var references = new ReferencesFeature(analyzer, workspace, locations);
    var features = new Features(diagnostics, new CompletionFeature(workspace, analyzer.registry()), new HoverFeature(),
        new DefinitionFeature(locations), references, new RenameFeature(references, analyzer.stdlibFiles()),
        new DocumentSymbolFeature(), new FormattingFeature(), new SemanticTokensFeature(analyzer.stdlibFiles()),
        new SignatureHelpFeature(), new CodeActionFeature(analyzer.registry(), diagnostics));
    this.textDocuments = new AegisTextDocumentService(analyzer, features, requests, this::log);
    this.workspaceService = new AegisWorkspaceService(new WorkspaceSymbolFeature(documents, workspace), analyzer, diagnostics,
        requests);
  }

  /** Serves one client over a pair of streams until the input ends; the returned future completes then. */
  public static Future<Void> serve(AegisLanguageServer server, InputStream in, OutputStream out) {
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    return launcher.startListening();
  }

  public Analyzer analyzer() { return analyzer; }

  @Override
  public void connect(LanguageClient languageClient) { this.client = languageClient; }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    var roots = new ArrayList<Path>();
    if (params.getWorkspaceFolders() != null) {
      for (var f : params.getWorkspaceFolders()) {
        var p = Uris.path(f.getUri());
        if (p != null) roots.add(p);
      }
    }
    if (roots.isEmpty() && params.getRootUri() != null) {
      var p = Uris.path(params.getRootUri());
      if (p != null) roots.add(p);
    }
    workspace.setRoots(roots);
    return CompletableFuture.completedFuture(new InitializeResult(capabilities(), new ServerInfo("aegis", version())));
  }

  static ServerCapabilities capabilities() {
    var c = new ServerCapabilities();
    var sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    c.setTextDocumentSync(sync);
    var completion = new CompletionOptions(true, List.of(".", "(", ","));
    c.setCompletionProvider(completion);
    c.setHoverProvider(true);
    c.setDefinitionProvider(true);
    c.setReferencesProvider(true);
    c.setRenameProvider(new RenameOptions(true));
    c.setDocumentSymbolProvider(true);
    c.setWorkspaceSymbolProvider(true);
    c.setDocumentFormattingProvider(true);
    c.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ","), List.of(",")));
    c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    var tokens = new SemanticTokensWithRegistrationOptions(SemanticTokensFeature.legend());
    tokens.setFull(true);
    c.setSemanticTokensProvider(tokens);
    return c;
  }

  private static String version() {
    var v = AegisLanguageServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    scheduler.shutdownNow();
    requests.shutdown();
    // Requests already under way are answered before the shutdown is.
    var done = new CompletableFuture<Object>();
    Thread.ofVirtual().name("aegis-lsp-shutdown").start(() -> {
      try {
        requests.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.complete(null);
    });
    return done;
  }

  @Override
  public void exit() { onExit.run(); }

  /** Whether the client asked for a shutdown before {@code exit} (the exit code depends on it). */
  public boolean wasShutDown() { return shutdown; }

  @Override
  public TextDocumentService getTextDocumentService() { return textDocuments; }

  @Override
  public WorkspaceService getWorkspaceService() { return workspaceService; }

  private void log(String message) {
    var c = client;
    if (c != null) c.logMessage(new org.eclipse.lsp4j.MessageParams(org.eclipse.lsp4j.MessageType.Error, message));
  }

  /** The feature objects, handed to the services together. */
  record Features(DiagnosticsFeature diagnostics, CompletionFeature completion, HoverFeature hover,
                  DefinitionFeature definition, ReferencesFeature references, RenameFeature rename,
                  DocumentSymbolFeature documentSymbols, FormattingFeature formatting, SemanticTokensFeature semanticTokens,
                  SignatureHelpFeature signatureHelp, CodeActionFeature codeActions) {}
}
