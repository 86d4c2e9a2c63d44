package aegis.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real LSP client (lsp4j) talking JSON-RPC to an in-process {@link AegisLanguageServer} over
 * piped streams: every request and notification goes through the protocol's serialization, as an
 * editor's would. Collects published diagnostics per URI and version.
 */
final class LspSession implements AutoCloseable {
  final LanguageServer server;
  final AegisLanguageServer impl;
  final Path workspace;
  final InitializeResult initialized;
  private final Future<Void> serverLoop;
  private final Future<Void> clientLoop;
  private final List<java.nio.channels.Channel> pipes;
  private final Client client = new Client();
  private final Map<String, Integer> versions = new ConcurrentHashMap<>();

  /** Diagnostics the server published, by URI: the newest publication. */
  private final Map<String, PublishDiagnosticsParams> published = new ConcurrentHashMap<>();
  private final List<String> logged = new ArrayList<>();

  LspSession(Path workspace, Path stdlibCache) {
    this.workspace = workspace;
    try {
      // NIO pipes, not java.io's: a piped stream fails once the thread that last wrote it ends,
      // and the server answers from short-lived virtual threads.
      var toServerPipe = java.nio.channels.Pipe.open();
      var toClientPipe = java.nio.channels.Pipe.open();
      var toServer = java.nio.channels.Channels.newOutputStream(toServerPipe.sink());
      var serverIn = java.nio.channels.Channels.newInputStream(toServerPipe.source());
      var toClient = java.nio.channels.Channels.newOutputStream(toClientPipe.sink());
      var clientIn = java.nio.channels.Channels.newInputStream(toClientPipe.source());
      pipes = List.of(toServerPipe.sink(), toServerPipe.source(), toClientPipe.sink(), toClientPipe.source());
      impl = new AegisLanguageServer(stdlibCache, () -> { });
      serverLoop = AegisLanguageServer.serve(impl, serverIn, toClient);
      var launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
      server = launcher.getRemoteProxy();
      clientLoop = launcher.startListening();
      var init = new InitializeParams();
      init.setCapabilities(new ClientCapabilities());
      if (workspace != null) init.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.of(workspace), "ws")));
      initialized = server.initialize(init).get(30, TimeUnit.SECONDS);
      server.initialized(new org.eclipse.lsp4j.InitializedParams());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static LspSession in(Path workspace) {
    try {
      return new LspSession(workspace, Files.createTempDirectory("aegis-stdlib-cache"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String open(Path file) {
    try {
      return open(file, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String open(Path file, String text) {
    var uri = Uris.of(file);
    versions.put(uri, 1);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "aegis", 1, text)));
    return uri;
  }

  /** Sends one notification with these changes; returns the new version. */
  int change(String uri, List<TextDocumentContentChangeEvent> changes) {
    int v = versions.merge(uri, 1, Integer::sum);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v), changes));
    return v;
  }

  /** Waits until diagnostics for the document's current version are published. */
  List<Diagnostic> diagnostics(String uri) {
    int want = versions.getOrDefault(uri, 1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      var p = published.get(uri);
      if (p != null && p.getVersion() != null && p.getVersion() == want) return p.getDiagnostics();
      synchronized (published) {
        try {
          published.wait(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionError("no diagnostics for " + uri + " version " + want + " (last: " + published.get(uri) + ")");
  }

  Hover hover(String uri, Position p) {
    return get(server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), p)));
  }

  List<CompletionItem> completion(String uri, Position p) {
    var result = get(server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), p)));
    return result.isLeft() ? result.getLeft() : result.getRight().getItems();
  }

  static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<String> logged() {
    synchronized (logged) {
      return List.copyOf(logged);
    }
  }

  @Override
  public void close() {
    try {
      server.shutdown().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Closing the streams below ends the session anyway.
    }
    server.exit();
    for (var p : pipes) {
      try {
        p.close();
      } catch (IOException e) {
        // Already closed.
      }
    }
    serverLoop.cancel(true);
    clientLoop.cancel(true);
  }

  /** The editor side: records what the server sends. */
  private final class Client implements LanguageClient {
    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams p) {
      published.put(p.getUri(), p);
      synchronized (published) {
        published.notifyAll();
      }
    }

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
      synchronized (logged) {
        logged.add(message.getMessage());
      }
    }
  }
}
