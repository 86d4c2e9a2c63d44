package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.ParseResult;
import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.ast.AegisFile;
import aegis.syntax.ast.Header;
import java.util.List;

/**
 * The checker's front door: parses and checks a file (a runbook, a module or an environment) with
 * the modules of a {@link ModuleRegistry}. Never throws: every problem, even an internal one, is a
 * diagnostic of the returned {@link CheckedProgram}.
 *
 * <pre>
 * CheckedProgram p = Checker.standard().check(SourceFile.of(path, text));
 * if (p.hasErrors()) ...; p.effectOf(step); p.typeOf(expr); p.symbolOf(name); p.callOf(call);
 * </pre>
 */
public final class Checker {
  private final ModuleRegistry registry;

  public Checker(ModuleRegistry registry) { this.registry = registry; }

  /** A checker over the stdlib on the classpath (shared, cached across checks). */
  public static Checker standard() { return new Checker(ModuleRegistry.standard()); }

  public ModuleRegistry registry() { return registry; }

  /** Parses and checks {@code file}; the result holds the syntax diagnostics too. */
  public CheckedProgram check(SourceFile file) { return check(parse(file)); }

  /**
   * Parses {@code file} as {@link #check(SourceFile)} does: a parser failure (a defect) is an
   * AEG299 diagnostic of an empty file, never an exception.
   */
  public static ParseResult parse(SourceFile file) {
    try {
      return Parser.parse(file);
    } catch (RuntimeException | StackOverflowError e) {
      var span = Span.fileStart(file);
      var problem = Diagnostic.of(Code.AEG299, span, e.getClass().getSimpleName());
      return new ParseResult(new AegisFile(file, null, List.of(), List.of(), new Span(file, 0, file.text().length())),
          List.of(problem), List.of());
    }
  }

  /** Checks a file already parsed (the language server keeps the parse for its comments). */
  public CheckedProgram check(ParseResult parsed) {
    return new Session(registry).checkRoot(parsed, false);
  }

  /** A file's parse and its check (whose diagnostics hold the syntax errors too). */
  public record FileCheck(ParseResult parsed, CheckedProgram program) {}

  /**
   * Parses and checks each file, several at a time (the common fork-join pool: as many threads as
   * cores), and returns the results in the order of {@code files}. Files share nothing but this
   * checker's registry, which is thread-safe, so each result is what {@link #check(SourceFile)}
   * gives alone; a module that several of them import is checked once. Files of a folder called
   * {@code stdlib} named like the module they declare are checked as stdlib modules (they may
   * declare {@code extern fn}). What {@code aegis check} does with the files it is given.
   */
  public List<FileCheck> checkEach(List<SourceFile> files) {
    return files.parallelStream().map(this::parseAndCheck).toList();
  }

  private FileCheck parseAndCheck(SourceFile file) {
    ParseResult parsed = parse(file);
    return new FileCheck(parsed, isStdlibModule(parsed) ? checkStdlibModule(parsed) : check(parsed));
  }

  /** A module file in a directory called {@code stdlib}, named like the module it declares. */
  private static boolean isStdlibModule(ParseResult parsed) {
    var path = parsed.ast().source().path();
    if (path == null || !(parsed.ast().header() instanceof Header.Module m)) return false;
    var parent = path.toAbsolutePath().getParent();
    return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("stdlib")
        && path.getFileName().toString().equals(m.name().name() + ".aegis");
  }

  /**
   * Checks a stdlib module's source as the stdlib does (it may declare {@code extern fn}; {@code core}
   * is not imported into itself). For {@code aegis check stdlib/...} and editing stdlib files; the
   * modules that runbooks import come from {@link ModuleRegistry#stdlib}.
   */
  public CheckedProgram checkStdlibModule(ParseResult parsed) {
    return new Session(registry).checkRoot(parsed, true);
  }
}
