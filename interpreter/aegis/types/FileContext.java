package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;
import java.util.List;

/** What every part of the checker needs while checking one file: where to record facts and report problems. */
final class FileContext {
  final Facts facts;
  final Session session;
  final SourceFile source;
  /** The module this file declares ({@code module NAME}), or null for runbooks and environments. */
  final String moduleName;
  /** Whether the file is a stdlib module (which alone may declare {@code extern fn}). */
  final boolean stdlib;
  /** The core module, or null while checking core itself (or when the stdlib has none). Set once, first thing. */
  ModuleInfo core;
  /** The file's own top-level scope (its declarations), once the imports are in. */
  Scope fileScope;
  final Methods methods = new Methods(this);

  FileContext(Session session, SourceFile source, String moduleName, boolean stdlib, ModuleInfo core) {
    this.session = session;
    this.source = source;
    this.facts = new Facts(source.text().length());
    this.moduleName = moduleName;
    this.stdlib = stdlib;
    this.core = core;
  }

  /** Reports a diagnostic with the code's own message template. */
  Diagnostic report(Code code, Span span, Object... args) {
    return facts.diagnostics.add(Diagnostic.of(code, span, args));
  }

  /** Reports a diagnostic with a message of its own (for codes whose template is just {@code %s}, or a better wording). */
  Diagnostic error(Code code, Span span, String message, String... hints) {
    var d = new Diagnostic(code, code.defaultSeverity(), span, message, List.of(), List.of());
    for (var h : hints) d = d.withHint(h);
    return facts.diagnostics.add(d);
  }

  Diagnostic add(Diagnostic d) { return facts.diagnostics.add(d); }

  /** Records an expression's type and returns it. */
  Type record(Expr e, Type t) {
    facts.recordType(e, t);
    return t;
  }

  void bind(Node n, Symbol s) {
    if (n != null && s != null) facts.symbols.put(n, s);
  }

  /** A record or enum type of core by name, or null (when core lacks it). */
  Type coreType(String name) {
    if (core == null) return null;
    var s = core.member(name);
    return s != null && (s.kind() == Symbol.Kind.RECORD || s.kind() == Symbol.Kind.ENUM) ? s.type() : null;
  }

  /** A short way to name an expression in a message: its source text when short, else "this value". */
  static String describe(Expr e) {
    var text = e.span().text().strip();
    return text.length() <= 40 && text.indexOf('\n') < 0 ? "`" + text + "`" : "this value";
  }
}
