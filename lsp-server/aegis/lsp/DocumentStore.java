package aegis.lsp;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The buffers the editor has open, by URI. The checker reads through it ({@link OverlayLoader}),
 * so a runbook sees the unsaved text of a module file open next to it. Thread-safe.
 */
public final class DocumentStore {
  private final Map<String, OpenDocument> documents = new ConcurrentHashMap<>();

  public void open(String uri, int version, String text) {
    documents.put(uri, new OpenDocument(uri, version, text));
  }

  /** Applies incremental (or full) changes; returns the new document, or null when it is not open. */
  public OpenDocument change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
    return documents.computeIfPresent(uri, (u, doc) -> doc.apply(version, changes));
  }

  public void close(String uri) { documents.remove(uri); }

  /** The open document, or null. */
  public OpenDocument get(String uri) { return documents.get(uri); }

  /** The open document at a file path, or null. */
  public OpenDocument at(Path path) {
    var uri = Uris.of(path);
    var doc = documents.get(uri);
    if (doc != null) return doc;
    for (var d : documents.values()) {
      var p = Uris.path(d.uri());
      if (p != null && p.equals(path)) return d;
    }
    return null;
  }

  public Collection<OpenDocument> all() { return List.copyOf(documents.values()); }
}
