package aegis.lsp;

import aegis.syntax.SourceFile;
import aegis.types.ModuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where "go to definition" on a built-in lands: the stdlib sources live in the jar, so each is
 * written once to a cache folder ({@code $XDG_CACHE_HOME/aegis/stdlib-<hash>/k8s.aegis}, the hash
 * of its text, so two aegis versions never share a file) and handed out as a plain {@code file:}
 * URI, which every editor can open without a client extension. The files are made read-only: an
 * edit there would change nothing.
 */
public final class StdlibFiles {
  private final ModuleRegistry registry;
  private final Path cacheRoot;
  private final Map<String, Path> written = new ConcurrentHashMap<>();

  public StdlibFiles(ModuleRegistry registry, Path cacheRoot) {
    this.registry = registry;
    this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
  }

  /** The cache root from the environment: {@code $XDG_CACHE_HOME/aegis}, else {@code ~/.cache/aegis}. */
  public static Path defaultCacheRoot() {
    var xdg = System.getenv("XDG_CACHE_HOME");
    var base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("aegis");
  }

  /** The stdlib module a source file is, or null: the registry's own file of that name. */
  public String moduleOf(SourceFile file) {
    if (file.path() != null) return moduleAt(file.path());
    var name = file.name();
    if (!name.startsWith("stdlib/") || !name.endsWith(".aegis")) return null;
    var module = name.substring("stdlib/".length(), name.length() - ".aegis".length());
    var info = registry.stdlib(module);
    return info != null && info.program().source() == file ? module : null;
  }

  /** The stdlib module whose cached copy is at {@code path}, or null. */
  public String moduleAt(Path path) {
    var p = path.toAbsolutePath().normalize();
    if (p.getParent() == null || !p.getParent().startsWith(cacheRoot) || !p.getParent().getFileName().toString().startsWith("stdlib-")) {
      return null;
    }
    var file = p.getFileName().toString();
    if (!file.endsWith(".aegis")) return null;
    var module = file.substring(0, file.length() - ".aegis".length());
    return registry.stdlib(module) != null ? module : null;
  }

  /** The URI of a stdlib module's source, written to the cache on first use; null when it cannot be written. */
  public String uri(String module) {
    var info = registry.stdlib(module);
    if (info == null) return null;
    var path = written.computeIfAbsent(module, m -> write(m, info.program().source().text()));
    return path == null ? null : Uris.of(path);
  }

  private Path write(String module, String text) {
    try {
      var dir = cacheRoot.resolve("stdlib-" + hash(text));
      var file = dir.resolve(module + ".aegis");
      if (Files.exists(file) && Files.readString(file).equals(text)) return file;
      Files.createDirectories(dir);
      var tmp = Files.createTempFile(dir, module, ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      tmp.toFile().setReadOnly();
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      return null;
    }
  }

  private static String hash(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
