package aegis.lsp;

import aegis.diagnostics.Code;
import aegis.diagnostics.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Publishes the checker's diagnostics, on the server's scheduler (never on the thread that reads
 * messages). An edit to a document with no check running or waiting is checked at once, so an
 * isolated edit shows its diagnostics after one check, not after a delay plus a check. Edits that
 * arrive while a check runs or waits are debounced: the burst is checked once, {@link #DEBOUNCE_MS}
 * after its last keystroke, so fast typing does not queue a check per key. Opening and saving
 * publish at once. A diagnostic's hints become part of its message (editors show nothing else), its
 * related places become related information, and unused or unreachable code is tagged so editors
 * fade it.
 */
public final class DiagnosticsFeature {
  /** How long after the last edit of a burst (edits while a check runs or waits) the document is checked. */
  public static final long DEBOUNCE_MS = 150;

  private final Analyzer analyzer;
  private final Locations locations;
  private final Supplier<LanguageClient> client;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Future<?>> pending = new ConcurrentHashMap<>();

  public DiagnosticsFeature(Analyzer analyzer, Locations locations, Supplier<LanguageClient> client,
                            ScheduledExecutorService scheduler) {
    this.analyzer = analyzer;
    this.locations = locations;
    this.client = client;
    this.scheduler = scheduler;
  }

  /**
   * Checks and publishes {@code uri} after an edit: at once when nothing is being checked or waiting
   * for it, else after the debounce delay, replacing the check already waiting.
   */
  public void scheduleAfterEdit(String uri) {
    // A check that runs is not done either (one replaced while it runs is, but then its successor waits).
    var waiting = pending.get(uri);
    schedule(uri, waiting == null || waiting.isDone() ? 0 : DEBOUNCE_MS);
  }

  /** Checks and publishes {@code uri} as soon as the scheduler can. */
  public void scheduleNow(String uri) { schedule(uri, 0); }

  /** Clears a closed document's diagnostics. */
  public void clear(String uri) {
    var f = pending.remove(uri);
    if (f != null) f.cancel(false);
    var c = client.get();
    if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
  }

  private void schedule(String uri, long delayMs) {
    var next = scheduler.schedule(() -> publish(uri), delayMs, TimeUnit.MILLISECONDS);
    var previous = pending.put(uri, next);
    if (previous != null) previous.cancel(false);
  }

  private void publish(String uri) {
    var analysis = analyzer.get(uri);
    var c = client.get();
    if (analysis == null || c == null) return;
    var current = analyzer.documents().get(uri);
    if (current != null && current.version() != analysis.version()) return;
    var params = new PublishDiagnosticsParams(uri, convert(analysis));
    if (analysis.version() >= 0) params.setVersion(analysis.version());
    c.publishDiagnostics(params);
  }

  /** The LSP diagnostics of an analysis; none for a read-only stdlib copy. */
  public List<Diagnostic> convert(Analysis analysis) {
    if (analysis.stdlibModule() != null) return List.of();
    var out = new ArrayList<Diagnostic>();
    for (var d : analysis.program().diagnostics()) out.add(convert(analysis, d));
    return out;
  }

  private Diagnostic convert(Analysis analysis, aegis.diagnostics.Diagnostic d) {
    var out = new Diagnostic();
    boolean here = d.span().file() == analysis.source();
    out.setRange(here ? Positions.range(d.span()) : new Range(Positions.position(analysis.source(), 0),
        Positions.position(analysis.source(), 0)));
    var message = new StringBuilder(d.message());
    for (var hint : d.hints()) message.append("\nhint: ").append(hint);
    out.setMessage(message.toString());
    out.setCode(d.code().name());
    out.setSource("aegis");
    out.setSeverity(severity(d.severity()));
    if (d.code() == Code.AEG215 || d.code() == Code.AEG216) out.setTags(List.of(DiagnosticTag.Unnecessary));
    var related = new ArrayList<DiagnosticRelatedInformation>();
    if (!here) {
      var where = locations.location(d.span());
      if (where != null) related.add(new DiagnosticRelatedInformation(where, "the problem is here"));
    }
    for (var r : d.related()) {
      var where = locations.location(r.span());
      if (where != null) related.add(new DiagnosticRelatedInformation(where, r.message()));
    }
    if (!related.isEmpty()) out.setRelatedInformation(related);
    return out;
  }

  private static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    };
  }
}
