package aegis.lsp;

import aegis.syntax.ParseResult;
import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.syntax.ast.Header;
import aegis.types.Checker;
import aegis.types.ModuleLoader;
import aegis.types.ModuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses and checks documents, one analysis per document version: the first feature to ask for a
 * version pays for it, the others (diagnostics, completion, hover, ...) share it. Only the newest
 * version of each open document is kept.
 */
public final class Analyzer {
  private final DocumentStore documents;
  private final ModuleRegistry registry;
  private final Checker checker;
  private final StdlibFiles stdlibFiles;
  private final Map<String, Analysis> cache = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public Analyzer(DocumentStore documents, Path stdlibCache) {
    this.documents = documents;
    this.registry = new ModuleRegistry(new OverlayLoader(ModuleLoader.classpath(), documents));
    this.checker = new Checker(registry);
    this.stdlibFiles = new StdlibFiles(registry, stdlibCache);
  }

  public ModuleRegistry registry() { return registry; }

  public StdlibFiles stdlibFiles() { return stdlibFiles; }

  public DocumentStore documents() { return documents; }

  /** The analysis of the open document's current version, or null when it is not open. */
  public Analysis get(String uri) {
    var doc = documents.get(uri);
    return doc == null ? null : analyze(doc);
  }

  /** The analysis of a document at a given version (computed once per version). */
  public Analysis analyze(OpenDocument doc) {
    var known = cache.get(doc.uri());
    if (known != null && known.document() == doc) return known;
    synchronized (locks.computeIfAbsent(doc.uri(), u -> new Object())) {
      known = cache.get(doc.uri());
      if (known != null && known.document() == doc) return known;
      var fresh = compute(doc);
      var current = documents.get(doc.uri());
      if (current == doc) cache.put(doc.uri(), fresh);
      return fresh;
    }
  }

  /** Analyses a file that is not open (for workspace-wide references and symbols); null when unreadable. */
  public Analysis analyzeFile(Path path) {
    var open = documents.at(path);
    if (open != null) return analyze(open);
    try {
      return compute(new OpenDocument(Uris.of(path), -1, Files.readString(path)));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return null;
    }
  }

  /** The analysis last computed for a document (possibly of an older version), or null. */
  public Analysis cached(String uri) { return cache.get(uri); }

  /** Forgets a closed document. */
  public void forget(String uri) {
    cache.remove(uri);
    locks.remove(uri);
  }

  private Analysis compute(OpenDocument doc) {
    var path = Uris.path(doc.uri());
    var source = path != null ? SourceFile.of(path, doc.text()) : SourceFile.virtual(doc.uri(), doc.text());
    String stdlib = path == null ? null : stdlibFiles.moduleAt(path);
    if (stdlib != null) {
      var program = registry.stdlib(stdlib).program();
      if (program.source().text().equals(doc.text())) {
        return new Analysis(doc, program, Parser.parse(program.source()).comments(), stdlib);
      }
    }
    ParseResult parsed;
    try {
      parsed = Parser.parse(source);
    } catch (RuntimeException | StackOverflowError e) {
      // The checker's own entry point turns a parser failure into a diagnostic.
      return new Analysis(doc, checker.check(source), java.util.List.of(), null);
    }
    var program = isStdlibSource(path, parsed) ? checker.checkStdlibModule(parsed) : checker.check(parsed);
    return new Analysis(doc, program, parsed.comments(), null);
  }

  /** A module file in a folder called {@code stdlib} (editing aegis's own stdlib): extern functions are allowed. */
  private static boolean isStdlibSource(Path path, ParseResult parsed) {
    return path != null && path.getParent() != null && path.getParent().getFileName() != null
        && path.getParent().getFileName().toString().equals("stdlib")
        && parsed.ast().header() instanceof Header.Module;
  }
}
