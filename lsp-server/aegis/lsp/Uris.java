package aegis.lsp;

import java.net.URI;
import java.nio.file.Path;

/** File URIs and paths, both ways; editors send {@code file:} URIs, untitled buffers other schemes. */
public final class Uris {
  private Uris() {}

  /** The canonical {@code file:} URI of a path. */
  public static String of(Path path) { return path.toAbsolutePath().normalize().toUri().toString(); }

  /** The path of a {@code file:} URI, or null for other schemes and malformed URIs. */
  public static Path path(String uri) {
    try {
      var u = URI.create(uri);
      if (!"file".equalsIgnoreCase(u.getScheme())) return null;
      return Path.of(u).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }
}
