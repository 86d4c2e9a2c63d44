package aegis.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Routes text-document requests to the features. Edits are applied to the store as they arrive
 * (in order); every request runs on its own virtual thread against the analysis of the document's
 * current version. A feature that fails answers "nothing" and logs, it never takes the server down.
 */
final class AegisTextDocumentService implements TextDocumentService {
  private final Analyzer analyzer;
  private final AegisLanguageServer.Features f;
  private final ExecutorService requests;
  private final Consumer<String> log;

  AegisTextDocumentService(Analyzer analyzer, AegisLanguageServer.Features features, ExecutorService requests,
                           Consumer<String> log) {
    this.analyzer = analyzer;
    this.f = features;
    this.requests = requests;
    this.log = log;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var doc = params.getTextDocument();
    analyzer.documents().open(doc.getUri(), doc.getVersion(), doc.getText());
    f.diagnostics().scheduleNow(doc.getUri());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    var uri = params.getTextDocument().getUri();
    var doc = analyzer.documents().change(uri, params.getTextDocument().getVersion(), params.getContentChanges());
    if (doc == null) return;
    f.diagnostics().scheduleAfterEdit(uri);
    dependents(uri).forEach(f.diagnostics()::scheduleAfterEdit);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    var uri = params.getTextDocument().getUri();
    analyzer.documents().close(uri);
    analyzer.forget(uri);
    f.diagnostics().clear(uri);
    dependents(uri).forEach(f.diagnostics()::scheduleNow);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    f.diagnostics().scheduleNow(params.getTextDocument().getUri());
  }

  /** Open documents that import the file at {@code uri}: their diagnostics may change with it. */
  private List<String> dependents(String uri) {
    var path = Uris.path(uri);
    var out = new ArrayList<String>();
    if (path == null) return out;
    for (var doc : analyzer.documents().all()) {
      if (doc.uri().equals(uri)) continue;
      var known = analyzer.cached(doc.uri());
      if (known != null && known.program().imports().stream().anyMatch(i -> path.equals(i.path() == null ? null
          : i.path().toAbsolutePath().normalize()))) {
        out.add(doc.uri());
      }
    }
    return out;
  }

  /**
   * Completion. Members after a dot are served from the document's last analysis when the edits
   * since then cannot change the answer ({@link CompletionFeature#completeFromEarlier}): typing
   * {@code x.} does not wait for the whole file to be checked again. Everything else is answered
   * from the analysis of the current text.
   */
  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    var uri = params.getTextDocument().getUri();
    var position = params.getPosition();
    var none = Either.<List<CompletionItem>, CompletionList>forRight(new CompletionList(List.of()));
    return CompletableFuture.supplyAsync(() -> {
      var doc = analyzer.documents().get(uri);
      var earlier = analyzer.cached(uri);
      if (doc != null && earlier != null && earlier.document() != doc) {
        var quick = answer(uri, a -> f.completion().completeFromEarlier(a, doc, position), null, earlier);
        if (quick != null) return Either.forRight(quick);
      }
      return answer(uri, a -> Either.forRight(f.completion().complete(a, position)), none, analyzer.get(uri));
    }, requests);
  }

  @Override
  public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
    return CompletableFuture.supplyAsync(() -> f.completion().resolve(item), requests);
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return run(params.getTextDocument().getUri(), a -> f.hover().hover(a, params.getPosition()), null);
  }

  @Override
  public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
    return run(params.getTextDocument().getUri(), a -> f.signatureHelp().help(a, params.getPosition()), null);
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    return run(params.getTextDocument().getUri(), a -> Either.forLeft(f.definition().definition(a, params.getPosition())),
        Either.forLeft(List.of()));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    boolean withDecl = params.getContext() == null || params.getContext().isIncludeDeclaration();
    return run(params.getTextDocument().getUri(), a -> f.references().references(a, params.getPosition(), withDecl), List.of());
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
      PrepareRenameParams params) {
    return runRefusable(params.getTextDocument().getUri(), a -> Either3.forFirst(f.rename().prepare(a, params.getPosition())));
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return runRefusable(params.getTextDocument().getUri(),
        a -> f.rename().rename(a, params.getPosition(), params.getNewName()));
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return run(params.getTextDocument().getUri(), a -> f.documentSymbols().symbols(a.ast()).stream()
        .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList(), List.of());
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return run(params.getTextDocument().getUri(), a -> f.formatting().format(a), List.of());
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
    return run(params.getTextDocument().getUri(), a -> f.semanticTokens().tokens(a), new SemanticTokens(List.of()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return run(params.getTextDocument().getUri(), a -> f.codeActions().actions(a, params.getRange()).stream()
        .map(Either::<Command, CodeAction>forRight).toList(), List.of());
  }

  private <T> CompletableFuture<T> run(String uri, Function<Analysis, T> feature, T none) {
    return CompletableFuture.supplyAsync(() -> answer(uri, feature, none, analyzer.get(uri)), requests);
  }

  /** The feature's answer on {@code a}; {@code none} when there is no analysis or the feature fails. */
  private <T> T answer(String uri, Function<Analysis, T> feature, T none, Analysis a) {
    if (a == null) return none;
    try {
      return feature.apply(a);
    } catch (RuntimeException | StackOverflowError e) {
      log.accept("aegis: " + e + " while answering a request on " + uri);
      return none;
    }
  }

  /** A feature that may refuse with a message for the user (rename). */
  interface Refusable<T> {
    T apply(Analysis a) throws RenameFeature.Refused;
  }

  private <T> CompletableFuture<T> runRefusable(String uri, Refusable<T> feature) {
    return CompletableFuture.supplyAsync(() -> {
      var a = analyzer.get(uri);
      if (a == null) throw refusal("the document is not open");
      try {
        return feature.apply(a);
      } catch (RenameFeature.Refused e) {
        throw refusal(e.getMessage());
      }
    }, requests);
  }

  private static ResponseErrorException refusal(String message) {
    return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, message, null));
  }
}
