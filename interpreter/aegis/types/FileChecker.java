package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.Diagnostics;
import aegis.syntax.ParseResult;
import aegis.syntax.Span;
import aegis.syntax.ast.AegisFile;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.Ident;
import aegis.syntax.ast.ImportDecl;
import aegis.syntax.ast.ParamSpec;
import aegis.syntax.ast.Stmt;
import aegis.types.Type.TypeVar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks one file: imports, then the declarations its kind allows (records, enums and functions
 * are hoisted so they may be used before they are declared), then its body in order, then unused
 * names. Never throws: an internal failure becomes an AEG299 diagnostic on a partial result.
 */
final class FileChecker {
  private final FileContext fc;
  private final AegisFile ast;
  private final TypeResolver types;
  private final ExprChecker exprs;
  private final StmtChecker stmts;
  private final EffectSink fileEffects = new EffectSink();
  private final List<CheckedProgram.ResolvedImport> imports = new ArrayList<>();
  private final List<Symbol> params = new ArrayList<>();
  private final Map<Decl.Record, RecordType> records = new IdentityHashMap<>();
  private final Map<Decl, Signature> signatures = new IdentityHashMap<>();
  private Scope importScope;
  private Scope fileScope;
  private Expr environmentValue;

  private FileChecker(FileContext fc, AegisFile ast) {
    this.fc = fc;
    this.ast = ast;
    this.types = new TypeResolver(fc);
    this.exprs = new ExprChecker(fc, types);
    this.stmts = new StmtChecker(fc, exprs, types);
  }

  static CheckedProgram check(ParseResult parsed, Session session, boolean stdlib) {
    var ast = parsed.ast();
    String moduleName = ast.kind() == Header.Kind.MODULE && ast.header() != null ? ast.header().name().name() : null;
    var fc = new FileContext(session, ast.source(), moduleName, stdlib, null);
    var checker = new FileChecker(fc, ast);
    try {
      fc.core = stdlib && Types.CORE.equals(moduleName) ? null : session.registry().core();
      checker.run();
    } catch (RuntimeException | StackOverflowError e) {
      fc.report(Code.AEG299, Span.fileStart(ast.source()), e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    return checker.build(parsed.diagnostics());
  }

  private void run() {
    importScope = new Scope(coreScope(), null);
    imports();
    fileScope = new Scope(importScope, ast.span());
    fc.fileScope = fileScope;
    fc.facts.scopes.add(fileScope);
    declarationRules();
    declareTypes();
    defineRecords();
    declareFunctions();
    declareParams();
    body();
    forceDeclarations();
    stmts.reportUnused(fileScope);
    stmts.reportUnused(importScope);
  }

  private Ctx top() { return Ctx.top(fileScope, fileEffects); }

  // ------------------------------------------------------------------ core and imports

  private Scope coreScope() {
    var scope = new Scope(null, null);
    if (fc.core == null) return scope;
    for (var s : fc.core.declarations()) scope.put(s.name(), new Binding(s, Binding.Unused.IGNORE));
    scope.put(Types.CORE, new Binding(moduleSymbol(fc.core, Types.CORE, null, null), Binding.Unused.IGNORE));
    return scope;
  }

  private static Symbol moduleSymbol(ModuleInfo info, String alias, Ident at, ImportDecl decl) {
    Type t = info == null ? Type.ERROR : new Type.ModuleType(info);
    return new Symbol(Symbol.Kind.MODULE, alias, t, info == null ? null : info.doc(), at == null ? null : at.span(),
        null, null, null, decl);
  }

  private void imports() {
    for (var imp : ast.imports()) {
      ModuleInfo info = null;
      Path path = null;
      switch (imp) {
        case ImportDecl.Module m -> info = stdlibImport(m.module());
        case ImportDecl.File f -> {
          var relative = f.path().constantText();
          var loaded = fc.session.importModule(fc.source, relative);
          var cycle = fc.session.takeCycle(fc.source);
          if (cycle != null) {
            fc.report(Code.AEG218, f.path().span(), cycle);
          } else {
            info = fileImport(f, relative, loaded);
          }
          if (loaded instanceof Session.Checked c) path = c.program().source().path();
        }
      }
      var alias = imp.alias();
      if (alias == null) continue;
      var b = Declare.local(fc, importScope, alias, moduleSymbol(info, alias.name(), alias, imp),
          info == null ? Binding.Unused.IGNORE : Binding.Unused.IMPORT);
      if (imp instanceof ImportDecl.Module m && m.explicitAlias() != null && info != null) {
        fc.bind(m.module(), b.peek());
      }
      imports.add(new CheckedProgram.ResolvedImport(imp, alias.name(), info, path));
    }
  }

  private ModuleInfo stdlibImport(Ident name) {
    var registry = fc.session.registry();
    var chain = registry.loadingChain(name.name());
    if (chain != null) {
      fc.report(Code.AEG218, name.span(), chain);
      return null;
    }
    var info = registry.stdlib(name.name());
    if (info == null) {
      fc.add(Diagnostic.of(Code.AEG204, name.span(), name.name())
          .withHint(Suggestions.didYouMean(name.name(), registry.stdlibNames())));
    }
    return info;
  }

  private ModuleInfo fileImport(ImportDecl.File f, String relative, Session.Loaded loaded) {
    Span at = f.path().span();
    switch (loaded) {
      case Session.Missing m -> fc.error(Code.AEG217, at, "cannot import `" + relative + "`: there is no such file",
          "the path is relative to this file");
      case Session.Failed x -> fc.error(x.problem().code(), at, "cannot import `" + relative + "`: "
          + Session.reason(x.problem()), x.problem().hints().toArray(String[]::new));
      case Session.Recursive r -> fc.report(Code.AEG218, at, r.chain());
      case Session.Checked c -> {
        var program = c.program();
        if (program.kind() != Header.Kind.MODULE) {
          fc.error(Code.AEG217, at, "`" + relative + "` is " + (program.kind() == Header.Kind.RUNBOOK ? "a runbook"
              : "an environment") + ", not a module", "only files that start with `module NAME` can be imported");
          return null;
        }
        var errors = program.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
          var first = errors.getFirst();
          fc.add(Diagnostic.of(Code.AEG217, at, "`" + relative + "` has " + ExprChecker.count(errors.size(), "error"))
              .withRelated(first.span(), first.message()));
        }
        return program.module();
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ declarations

  /** AEG110 for declarations the file's kind does not hold; AEG223 for {@code extern fn} outside the stdlib. */
  private void declarationRules() {
    var kind = ast.kind();
    for (var d : ast.decls()) {
      boolean allowed = switch (kind) {
        case RUNBOOK -> d instanceof Decl.Param || d instanceof Decl.Window || d instanceof Decl.OnFailure
            || d instanceof Decl.Finally || d instanceof Stmt;
        case MODULE -> d instanceof Decl.Record || d instanceof Decl.Enum || d instanceof Decl.Fn
            || d instanceof Decl.ExternFn || d instanceof Stmt.Let;
        case ENVIRONMENT -> d instanceof Stmt.Let || d instanceof Stmt.ExprStmt;
      };
      if (!allowed) {
        String holds = switch (kind) {
          case RUNBOOK -> "a runbook holds params, `window`, statements, `on failure` and `finally`";
          case MODULE -> "a module holds `record`, `enum`, `fn` and `let` declarations";
          case ENVIRONMENT -> "an environment holds imports, `let`s and one `Environment` value";
        };
        fc.error(Code.AEG110, keywordSpan(d), keyword(d) + " is not allowed in " + (kind == Header.Kind.RUNBOOK
            ? "a runbook" : kind == Header.Kind.MODULE ? "a module" : "an environment") + "; " + holds);
      } else if (d instanceof Decl.ExternFn x && !fc.stdlib) {
        fc.add(Diagnostic.of(Code.AEG223, x.name().span(), x.name().name())
            .withHint("write the function in aegis: `fn " + x.name().name() + "(...) = ...`"));
      }
    }
  }

  private static String keyword(Decl d) {
    return switch (d) {
      case Decl.Param p -> "`param`";
      case Decl.Window w -> "`window`";
      case Decl.OnFailure o -> "`on failure`";
      case Decl.Finally f -> "`finally`";
      case Decl.Record r -> "`record`";
      case Decl.Enum e -> "`enum`";
      case Decl.ExternFn x -> "`extern fn`";
      case Decl.Fn f -> "`fn`";
      case Stmt.ExprStmt e -> "an expression statement";
      case Stmt s -> "`" + s.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "`";
    };
  }

  /** The first line of a declaration, where its keyword is: enough to point at. */
  private static Span keywordSpan(Decl d) {
    var span = d.span();
    int lineEnd = span.file().text().indexOf('\n', span.start());
    return new Span(span.file(), span.start(), lineEnd < 0 || lineEnd > span.end() ? span.end() : lineEnd);
  }

  private void declareTypes() {
    for (var d : ast.decls()) {
      switch (d) {
        case Decl.Record r -> {
          var type = new RecordType(r.name().name(), fc.moduleName, r.doc(), r.name().span());
          records.put(r, type);
          Declare.local(fc, fileScope, r.name(), new Symbol(Symbol.Kind.RECORD, r.name().name(), type, r.doc(),
              r.name().span(), fc.moduleName, null, null, r), Binding.Unused.IGNORE);
        }
        case Decl.Enum e -> {
          var members = new ArrayList<EnumType.Member>();
          var seen = new LinkedHashMap<String, Ident>();
          for (var m : e.members()) {
            var first = seen.putIfAbsent(m.name(), m);
            if (first != null) {
              fc.add(Diagnostic.of(Code.AEG211, m.span(), m.name()).withRelated(first.span(), "first declared here"));
            } else {
              members.add(new EnumType.Member(m.name(), m.span()));
            }
          }
          var type = new EnumType(e.name().name(), fc.moduleName, e.doc(), e.name().span(), members);
          for (var m : members) {
            fc.bind(seen.get(m.name()), new Symbol(Symbol.Kind.ENUM_MEMBER, m.name(), type, null, m.span(),
                fc.moduleName, null, null, e));
          }
          Declare.local(fc, fileScope, e.name(), new Symbol(Symbol.Kind.ENUM, e.name().name(), type, e.doc(),
              e.name().span(), fc.moduleName, null, null, e), Binding.Unused.IGNORE);
        }
        default -> { }
      }
    }
  }

  private void defineRecords() {
    records.forEach((decl, type) -> {
      var fields = new ArrayList<RecordType.Field>();
      var seen = new LinkedHashMap<String, Ident>();
      for (var f : decl.fields()) {
        var first = seen.putIfAbsent(f.name().name(), f.name());
        if (first != null) {
          fc.add(Diagnostic.of(Code.AEG211, f.name().span(), f.name().name())
              .withRelated(first.span(), "first declared here"));
          continue;
        }
        var field = new RecordType.Field(f.name().name(), types.resolve(f.type(), fileScope, Map.of()),
            f.defaultValue(), f.doc(), f.name().span());
        fields.add(field);
        fc.bind(f.name(), ExprChecker.fieldSymbol(type, field));
      }
      type.define(fields);
    });
  }

  private void declareFunctions() {
    for (var d : ast.decls()) {
      switch (d) {
        case Decl.ExternFn x -> {
          var sig = signature(x, x.typeParams(), x.params(), x.returnType() == null ? Type.UNIT : null);
          Declare.local(fc, fileScope, x.name(), new Symbol(Symbol.Kind.EXTERN_FUNCTION, x.name().name(), sig.type(),
              x.doc(), x.name().span(), fc.moduleName, x.effect(), sig, x), Binding.Unused.IGNORE);
        }
        case Decl.Fn f -> {
          var declared = signature(f, f.typeParams(), f.params(), f.returnType() == null ? Type.ERROR : null);
          var placeholder = new Symbol(Symbol.Kind.FUNCTION, f.name().name(), declared.type(), f.doc(),
              f.name().span(), fc.moduleName, null, declared, f);
          Declare.put(fc, fileScope, f.name(), Binding.lazy(placeholder, b -> fnBody(f, declared, b)));
        }
        default -> { }
      }
    }
  }

  /** Resolves a function's type parameters, parameters and (unless {@code result} is given) its declared result. */
  private Signature signature(Decl d, List<Ident> typeParams, List<ParamSpec> specs, Type result) {
    var vars = new LinkedHashMap<String, TypeVar>();
    for (var tp : typeParams) {
      if (vars.containsKey(tp.name())) fc.report(Code.AEG211, tp.span(), tp.name());
      vars.put(tp.name(), Unifier.freshVar(tp.name()));
    }
    var seen = new LinkedHashMap<String, Ident>();
    var ps = new ArrayList<Signature.Param>();
    for (var p : specs) {
      if (seen.putIfAbsent(p.name().name(), p.name()) != null) fc.report(Code.AEG211, p.name().span(), p.name().name());
      ps.add(new Signature.Param(p.name().name(), types.resolve(p.type(), fileScope, vars), p.defaultValue(),
          p.name().span()));
    }
    Type declaredResult = switch (d) {
      case Decl.Fn f when f.returnType() != null -> types.resolve(f.returnType(), fileScope, vars);
      case Decl.ExternFn x when x.returnType() != null -> types.resolve(x.returnType(), fileScope, vars);
      default -> result;
    };
    var sig = new Signature(List.copyOf(vars.values()), ps, declaredResult);
    signatures.put(d, sig);
    return sig;
  }

  /** Checks a function's body: its effect, and its result type when none is written. */
  private Symbol fnBody(Decl.Fn f, Signature declared, Binding self) {
    var scope = fileScope.child(f.span());
    fc.facts.scopes.add(scope);
    for (int i = 0; i < declared.params().size(); i++) {
      var p = declared.params().get(i);
      var ident = f.params().get(i).name();
      var sym = Symbol.value(Symbol.Kind.FUNCTION_PARAM, p.name(), p.type(), null, p.span(), null, ident);
      scope.put(p.name(), new Binding(sym, Binding.Unused.IGNORE));
      fc.bind(ident, sym);
    }
    var sink = new EffectSink();
    var ctx = new Ctx(scope, sink, false, true, false);
    Type result;
    if (f.returnType() != null) {
      exprs.expect(f.body(), declared.result(), ctx, "the body of `" + f.name().name() + "`");
      result = declared.result();
    } else {
      result = exprs.check(f.body(), null, ctx);
      if (result == Type.NULL) {
        fc.error(Code.AEG222, f.body().span(), "cannot infer the result type of `" + f.name().name() + "` from `null`",
            "write it: `fn " + f.name().name() + "(...) -> T? = ...`");
        result = Type.ERROR;
      }
      if (self.recursiveUse()) {
        fc.error(Code.AEG222, f.name().span(), "`" + f.name().name()
            + "` calls itself, so its result type must be written", "write it: `fn " + f.name().name() + "(...) -> T = ...`");
        result = Type.ERROR;
      }
    }
    var sig = new Signature(declared.typeParams(), declared.params(), result);
    var sym = new Symbol(Symbol.Kind.FUNCTION, f.name().name(), sig.type(), f.doc(), f.name().span(), fc.moduleName,
        sink.effect(), sig, f);
    fc.bind(f.name(), sym);
    return sym;
  }

  private void declareParams() {
    for (var d : ast.decls()) {
      if (!(d instanceof Decl.Param p)) continue;
      var sym = new Symbol(Symbol.Kind.PARAM, p.name().name(), types.resolve(p.type(), fileScope, Map.of()), p.doc(),
          p.name().span(), null, null, null, p);
      Declare.local(fc, fileScope, p.name(), sym,
          ast.kind() == Header.Kind.RUNBOOK ? Binding.Unused.PARAM : Binding.Unused.IGNORE);
      params.add(sym);
    }
    for (var sym : params) {
      var p = (Decl.Param) sym.declaration();
      if (p.defaultValue() != null) {
        exprs.expect(p.defaultValue(), sym.type(), top(), "the default of param `" + sym.name() + "`");
      }
    }
  }

  // ------------------------------------------------------------------ the body

  private void body() {
    var kind = ast.kind();
    var decls = ast.decls();
    boolean window = false;
    boolean onFailure = false;
    boolean finallyBlock = false;
    String dead = null;
    for (int i = 0; i < decls.size(); i++) {
      var d = decls.get(i);
      switch (d) {
        case Decl.Window w -> {
          if (window && kind == Header.Kind.RUNBOOK) fc.error(Code.AEG110, keywordSpan(w), "a runbook has one `window`");
          window = true;
          exprs.expect(w.window(), fc.coreType("Window"), top(), "`window`");
        }
        case Decl.OnFailure o -> {
          if (onFailure && kind == Header.Kind.RUNBOOK) fc.error(Code.AEG110, keywordSpan(o), "a runbook has one `on failure` block");
          onFailure = true;
          stmts.block(o.body(), top());
        }
        case Decl.Finally f -> {
          if (finallyBlock && kind == Header.Kind.RUNBOOK) fc.error(Code.AEG110, keywordSpan(f), "a runbook has one `finally` block");
          finallyBlock = true;
          stmts.block(f.body(), top());
        }
        case Stmt.Let l when kind == Header.Kind.MODULE -> moduleLet(l);
        case Stmt.ExprStmt e when kind == Header.Kind.ENVIRONMENT -> environmentValue(e, i == decls.size() - 1);
        case Stmt s -> {
          if (dead != null && !dead.isEmpty()) {
            stmts.unreachable(s.span(), dead);
            dead = "";
          }
          stmts.stmt(s, top());
          if (dead == null) dead = StmtChecker.stops(s);
        }
        default -> { }
      }
    }
    if (kind == Header.Kind.ENVIRONMENT && environmentValue == null) {
      var at = ast.header() != null ? ast.header().name().span() : Span.fileStart(fc.source);
      fc.error(Code.AEG219, at, "this environment has no value", "end the file with an `Environment(...)` expression");
    }
  }

  private void moduleLet(Stmt.Let l) {
    var placeholder = Symbol.value(Symbol.Kind.LET, l.name().name(), Type.ERROR, l.doc(), l.name().span(),
        fc.moduleName, l);
    Declare.put(fc, fileScope, l.name(), Binding.lazy(placeholder, self -> {
      Type t = stmts.letType(l, top());
      if (self.recursiveUse()) {
        fc.error(Code.AEG222, l.name().span(), "`" + l.name().name() + "` is defined in terms of itself");
        t = Type.ERROR;
      }
      var sym = Symbol.value(Symbol.Kind.LET, l.name().name(), t, l.doc(), l.name().span(), fc.moduleName, l);
      fc.bind(l.name(), sym);
      return sym;
    }));
  }

  private void environmentValue(Stmt.ExprStmt e, boolean last) {
    Type expected = fc.coreType("Environment");
    Type t = exprs.check(e.expr(), expected, top());
    if (!last) {
      fc.error(Code.AEG219, e.span(), "an environment has one value, at its end",
          "keep intermediate values with `let name = ...`");
      return;
    }
    environmentValue = e.expr();
    if (expected != null && !Types.assignable(t, expected)) {
      fc.error(Code.AEG219, e.span(), "an environment's value must be an `Environment`, not " + (t == Type.NULL
          ? "`null`" : Types.a(t)));
    }
  }

  /** Resolves every lazy declaration and checks defaults, so that unused declarations are checked too. */
  private void forceDeclarations() {
    for (var b : List.copyOf(fileScope.bindings().values())) b.symbol();
    records.forEach((decl, type) -> {
      for (var f : type.fields()) {
        if (f.hasDefault()) exprs.expect(f.defaultValue(), f.type(), top(), "the default of field `" + f.name() + "`");
      }
    });
    signatures.forEach((decl, sig) -> {
      for (var p : sig.params()) {
        if (!p.hasDefault()) continue;
        if (Types.containsVar(p.type())) exprs.check(p.defaultValue(), null, top());
        else exprs.expect(p.defaultValue(), p.type(), top(), "the default of `" + p.name() + "`");
      }
    });
  }

  // ------------------------------------------------------------------ result

  private CheckedProgram build(List<Diagnostic> parseDiagnostics) {
    var all = new ArrayList<Diagnostic>(parseDiagnostics);
    all.addAll(fc.facts.diagnostics.list());
    all.sort(Diagnostics.ORDER);
    ModuleInfo info = null;
    var members = new LinkedHashMap<String, Symbol>();
    if (ast.kind() == Header.Kind.MODULE && fc.moduleName != null) {
      info = new ModuleInfo(fc.moduleName, fc.stdlib ? ModuleInfo.Origin.STDLIB : ModuleInfo.Origin.FILE,
          ast.header().doc());
      if (fileScope != null) {
        for (var e : fileScope.bindings().entrySet()) {
          var s = e.getValue().peek();
          if (s.kind() != Symbol.Kind.PARAM) members.put(e.getKey(), s);
        }
      }
    }
    var program = new CheckedProgram(ast, all, fc.facts, params, imports, fileEffects.effect(), environmentValue, info,
        fc.methods);
    if (info != null) info.complete(members, program);
    return program;
  }
}
