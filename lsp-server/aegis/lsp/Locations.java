package aegis.lsp;

import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import org.eclipse.lsp4j.Location;

/** The URI an editor knows a source file by: its file, an untitled buffer's own URI, or a stdlib copy. */
public final class Locations {
  private final StdlibFiles stdlib;

  public Locations(StdlibFiles stdlib) { this.stdlib = stdlib; }

  /** The URI of a file, or null when it has none an editor could open. */
  public String uri(SourceFile file) {
    if (file.path() != null) return Uris.of(file.path());
    var module = stdlib.moduleOf(file);
    if (module != null) return stdlib.uri(module);
    return file.name().contains(":") ? file.name() : null;
  }

  /** The location of a span, or null when its file has no URI. */
  public Location location(Span span) {
    var uri = uri(span.file());
    return uri == null ? null : new Location(uri, Positions.range(span));
  }
}
