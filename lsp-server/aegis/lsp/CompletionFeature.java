package aegis.lsp;

import aegis.lsp.CompletionContext.Kind;
import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Header;
import aegis.types.CheckedProgram;
import aegis.types.EnumType;
import aegis.types.RecordType;
import aegis.types.Symbol;
import aegis.types.Type;
import aegis.types.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemLabelDetails;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion. First {@link CompletionContexts} works out where the cursor is; then this offers
 * what fits there: members after a dot (record fields, methods, module functions with signature
 * and effect, enum members), named arguments inside a call, keywords and snippets where a statement
 * starts, types where a type goes, names in scope everywhere else, stdlib modules after
 * {@code import}, runbooks after {@code run}, and environment names in a string compared with an
 * environment's name. Documentation is filled in by {@code completionItem/resolve}.
 */
public final class CompletionFeature {
  private static final List<String> BUILTIN_TYPES = List.of("Int", "Float", "Bool", "String", "Duration", "Quantity",
      "Secret", "List", "Map");

  private final Workspace workspace;
  private final aegis.types.ModuleRegistry registry;
  private final AtomicReference<List<Symbol>> lastSymbols = new AtomicReference<>(List.of());

  public CompletionFeature(Workspace workspace, aegis.types.ModuleRegistry registry) {
    this.workspace = workspace;
    this.registry = registry;
  }

  public CompletionList complete(Analysis a, Position position) {
    int offset = Positions.offset(a.source(), position);
    var ctx = CompletionContexts.find(a, offset);
    var out = new Items(ctx);
    switch (ctx.kind()) {
      case NONE -> { }
      case TOP_LEVEL -> {
        topLevelSnippets(a, ctx, out);
        names(a, ctx, out, false);
      }
      case STATEMENT -> {
        for (var s : Snippets.ALL) {
          if (s.where() == Snippets.Where.STATEMENT || (s.where() == Snippets.Where.STATEMENT_OUTSIDE_STEP && !ctx.inStep())) out.snippet(s);
        }
        names(a, ctx, out, false);
      }
      case EXPRESSION -> {
        names(a, ctx, out, false);
        for (var k : List.of("true", "false", "null")) out.keyword(k);
        out.snippetText("if", "if expression", "if ${1:condition} then ${2:a} else ${0:b}");
      }
      case MEMBER -> members(a, ctx, out);
      case TYPE -> {
        for (var t : BUILTIN_TYPES) out.plain(t, CompletionItemKind.Class, "built-in type", "05");
        names(a, ctx, out, true);
      }
      case IMPORT_MODULE -> importModules(a, out);
      case IMPORT_PATH -> importPaths(a, out);
      case RUN_TARGET -> runTargets(a, out);
      case ARGUMENT -> {
        namedArguments(a, ctx, out);
        names(a, ctx, out, false);
      }
      case STRING -> environmentNames(a, ctx, out);
    }
    lastSymbols.set(out.symbols);
    return new CompletionList(false, out.items);
  }

  /**
   * Member completion at {@code position} of {@code now} from the analysis of an earlier version,
   * when that tells the receiver as a fresh analysis would (see {@link EarlierMembers}); else null.
   */
  public CompletionList completeFromEarlier(Analysis earlier, OpenDocument now, Position position) {
    var receiver = EarlierMembers.find(earlier, now, position);
    if (receiver == null) return null;
    var out = new Items(receiver.context());
    members(receiver.program(), receiver.symbol(), receiver.type(), receiver.context(), out);
    lastSymbols.set(out.symbols);
    return new CompletionList(false, out.items);
  }

  /** Adds the documentation of an item's symbol; items without one come back as they are. */
  public CompletionItem resolve(CompletionItem item) {
    Integer index = dataIndex(item.getData());
    var symbols = lastSymbols.get();
    if (index == null || index < 0 || index >= symbols.size()) return item;
    var s = symbols.get(index);
    if (!s.name().equals(item.getFilterText() != null ? item.getFilterText() : item.getLabel())) return item;
    var doc = new StringBuilder(SymbolDocs.documentation(s));
    if (s.isFunction()) doc.append(doc.isEmpty() ? "" : "\n\n").append(SymbolDocs.effect(s.effect()));
    if (!doc.isEmpty()) item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc.toString()));
    return item;
  }

  private static Integer dataIndex(Object data) {
    if (data instanceof Number n) return n.intValue();
    if (data instanceof com.google.gson.JsonPrimitive p && p.isNumber()) return p.getAsInt();
    return null;
  }

  private void topLevelSnippets(Analysis a, CompletionContext ctx, Items out) {
    var ast = a.ast();
    boolean beforeAll = ast.decls().isEmpty() && ast.imports().isEmpty()
        || ctx.offset() <= (ast.header() != null ? ast.header().span().start()
        : Math.min(ast.imports().isEmpty() ? Integer.MAX_VALUE : ast.imports().getFirst().span().start(),
            ast.decls().isEmpty() ? Integer.MAX_VALUE : ast.decls().getFirst().span().start()));
    var kind = ast.kind();
    for (var s : Snippets.ALL) {
      boolean fits = switch (s.where()) {
        case HEADER -> ast.header() == null && beforeAll;
        case TOP_LEVEL -> switch (kind) {
          case RUNBOOK -> !List.of("record", "enum", "fn").contains(s.label());
          case MODULE -> List.of("import", "import file", "record", "enum", "fn").contains(s.label());
          case ENVIRONMENT -> List.of("import", "import file").contains(s.label());
        };
        case STATEMENT, STATEMENT_OUTSIDE_STEP -> kind == Header.Kind.RUNBOOK || s.label().equals("let");
      };
      if (fits) out.snippet(s);
    }
  }

  private void names(Analysis a, CompletionContext ctx, Items out, boolean typesOnly) {
    for (var e : a.program().namesVisibleAt(ctx.offset()).entrySet()) {
      var s = e.getValue();
      // A let is not in scope in its own initializer.
      if (s.declaration() instanceof aegis.syntax.ast.Stmt.Let l && l.span().contains(ctx.offset())) continue;
      boolean isType = s.kind() == Symbol.Kind.RECORD || s.kind() == Symbol.Kind.ENUM || s.kind() == Symbol.Kind.TYPE_PARAM
          || s.kind() == Symbol.Kind.BUILTIN_TYPE || s.kind() == Symbol.Kind.MODULE;
      if (typesOnly && !isType) continue;
      if (!typesOnly && (s.kind() == Symbol.Kind.TYPE_PARAM || s.kind() == Symbol.Kind.BUILTIN_TYPE)) continue;
      out.symbol(e.getKey(), s, rank(s), false);
    }
  }

  private static String rank(Symbol s) {
    return switch (s.kind()) {
      case LET, PARAM, LOOP_VARIABLE, LAMBDA_PARAM, FUNCTION_PARAM -> s.module() == null ? "10" : "30";
      case MODULE -> "20";
      default -> s.module() == null ? "20" : "30";
    };
  }

  private void members(Analysis a, CompletionContext ctx, Items out) {
    var receiver = ctx.receiver();
    if (receiver == null) return;
    var program = a.program();
    var sym = program.symbolOf(receiver);
    if (sym == null && receiver instanceof Expr.Field f) sym = program.symbolOf(f.field());
    members(program, sym, program.typeOf(receiver), ctx, out);
  }

  /** The members of a receiver with symbol {@code sym} (or null) and type {@code receiverType}. */
  private static void members(CheckedProgram program, Symbol sym, Type receiverType, CompletionContext ctx, Items out) {
    Type t = sym != null && sym.kind() == Symbol.Kind.MODULE && sym.type() instanceof Type.ModuleType m ? m : receiverType;
    if (t instanceof Type.ModuleType m) {
      for (var member : m.module().declarations()) {
        boolean isType = member.kind() == Symbol.Kind.RECORD || member.kind() == Symbol.Kind.ENUM;
        if (ctx.typeOnly() && !isType) continue;
        out.symbol(member.name(), member, "10", false);
      }
      return;
    }
    if (sym != null && sym.kind() == Symbol.Kind.ENUM && sym.type() instanceof EnumType e) {
      for (var m : e.members()) {
        var member = new Symbol(Symbol.Kind.ENUM_MEMBER, m.name(), e, null, m.span(), e.module(), null, null, null);
        out.symbol(m.name(), member, "10", false);
      }
      return;
    }
    if (ctx.typeOnly() || Types.isError(t) || (sym != null && !sym.kind().isValue())) return;
    for (var member : program.membersOf(t)) out.symbol(member.name(), member, member.kind() == Symbol.Kind.FIELD ? "00" : "10", true);
    if (Types.nonNull(t) instanceof RecordType r) {
      out.snippetText("with", "copy of this " + r.display() + " with some fields changed", "with($0)");
    }
  }

  private void namedArguments(Analysis a, CompletionContext ctx, Items out) {
    var target = CallTargets.of(a, ctx.call());
    if (target == null) return;
    Set<String> given = new HashSet<>();
    int positional = 0;
    for (Arg arg : CallTargets.args(ctx.call())) {
      if (arg.span().contains(ctx.offset())) continue;
      if (arg.name() != null) given.add(arg.name().name());
      else if (arg.span().end() <= ctx.offset()) positional++;
    }
    for (int i = positional; i < target.params().size(); i++) {
      var p = target.params().get(i);
      if (given.contains(p.name())) continue;
      var item = new CompletionItem(p.name() + ":");
      item.setKind(CompletionItemKind.Property);
      item.setDetail(p.type() + (p.optional() ? " (optional)" : ""));
      item.setFilterText(p.name());
      item.setSortText("0" + (p.optional() ? "1" : "0") + p.name());
      if (p.doc() != null) item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, p.doc()));
      out.add(item, p.name() + ": ", false);
    }
  }

  private void importModules(Analysis a, Items out) {
    var imported = new HashSet<String>();
    for (var i : a.program().imports()) if (i.module() != null) imported.add(i.module().name());
    for (var name : registry.stdlibNames()) {
      if (name.equals(Types.CORE) || imported.contains(name)) continue;
      out.plain(name, CompletionItemKind.Module, "stdlib module", "10");
    }
  }

  private void importPaths(Analysis a, Items out) {
    var self = a.source().path();
    if (self == null || self.getParent() == null) return;
    var dir = self.getParent();
    try (var walk = Files.walk(dir, 3)) {
      walk.filter(p -> p.toString().endsWith(".aegis") && !p.equals(self)).sorted().limit(200).forEach(p -> {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        out.plain(rel, CompletionItemKind.File, "module file", "10");
      });
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // Nothing to offer from a folder that cannot be read.
    }
  }

  private void runTargets(Analysis a, Items out) {
    var self = a.source().path();
    if (self == null || self.getParent() == null) return;
    for (Path p : aegis.types.ModuleLoader.classpath().list(self.getParent())) {
      if (p.equals(self)) continue;
      String stem = p.getFileName().toString().replace(".aegis", "").replace('-', '_');
      var item = new CompletionItem(stem);
      item.setKind(CompletionItemKind.Function);
      item.setDetail("runbook " + p.getFileName());
      item.setInsertTextFormat(InsertTextFormat.Snippet);
      out.add(item, stem + "($0)", false);
    }
  }

  private void environmentNames(Analysis a, CompletionContext ctx, Items out) {
    if (!(ctx.call() instanceof Expr.StringLit s) || !comparedWithEnvironmentName(a, s)) return;
    for (var name : workspace.environmentNames(a.source().path())) out.plain(name, CompletionItemKind.Value, "environment", "10");
  }

  /** {@code env.name == "..."}: the other side of the comparison is the name of an {@code Environment}. */
  private static boolean comparedWithEnvironmentName(Analysis a, Expr.StringLit s) {
    for (var n : NodeFinder.path(a.ast(), s.span().start())) {
      if (n instanceof Expr.Binary b && (b.right() == s || b.left() == s)) {
        var other = b.right() == s ? b.left() : b.right();
        return other instanceof Expr.Field f && f.field().name().equals("name")
            && a.program().typeOf(f.target()) instanceof RecordType r && r.name().equals("Environment");
      }
    }
    return false;
  }

  /** The items being collected, each replacing the word typed so far, filtered by it. */
  private static final class Items {
    final List<CompletionItem> items = new ArrayList<>();
    final List<Symbol> symbols = new ArrayList<>();
    final Set<String> labels = new HashSet<>();
    final CompletionContext ctx;
    final String prefix;

    Items(CompletionContext ctx) {
      this.ctx = ctx;
      this.prefix = ctx.prefix().toLowerCase(Locale.ROOT);
    }

    void add(CompletionItem item, String insert, boolean snippet) {
      String filter = item.getFilterText() != null ? item.getFilterText() : item.getLabel();
      if (!filter.toLowerCase(Locale.ROOT).startsWith(prefix) || !labels.add(item.getLabel())) return;
      item.setTextEdit(Either.forLeft(new TextEdit(Positions.range(ctx.replace()), insert)));
      if (snippet) item.setInsertTextFormat(InsertTextFormat.Snippet);
      items.add(item);
    }

    void plain(String label, CompletionItemKind kind, String detail, String rank) {
      var item = new CompletionItem(label);
      item.setKind(kind);
      item.setDetail(detail);
      item.setSortText(rank + label);
      add(item, label, false);
    }

    void keyword(String word) { plain(word, CompletionItemKind.Keyword, "keyword", "50"); }

    void snippet(Snippets.Snippet s) {
      var item = new CompletionItem(s.label());
      item.setKind(CompletionItemKind.Snippet);
      item.setDetail(s.detail());
      item.setSortText("15" + s.label());
      add(item, s.body(), true);
    }

    void snippetText(String label, String detail, String body) {
      var item = new CompletionItem(label);
      item.setKind(CompletionItemKind.Snippet);
      item.setDetail(detail);
      item.setSortText("40" + label);
      add(item, body, true);
    }

    /** A symbol: functions insert {@code name($0)}, with their signature and effect shown beside the label. */
    void symbol(String name, Symbol s, String rank, boolean member) {
      var item = new CompletionItem(name);
      item.setKind(kind(s, member));
      item.setSortText(rank + name);
      var details = new CompletionItemLabelDetails();
      String insert = name;
      boolean snippet = false;
      if (s.isFunction() && s.signature() != null) {
        details.setDetail(s.signature().display());
        details.setDescription(s.effect() == aegis.syntax.ast.Effect.PURE ? null : s.effect().keyword());
        item.setDetail(s.describe());
        insert = name + "($0)";
        snippet = true;
      } else if (s.kind() == Symbol.Kind.ENUM || s.kind() == Symbol.Kind.MODULE) {
        item.setDetail(s.describe());
      } else if (s.kind() == Symbol.Kind.RECORD) {
        item.setDetail(s.describe());
        if (!ctx.typeOnly() && ctx.kind() != Kind.TYPE) {
          insert = name + "($0)";
          snippet = true;
        }
      } else {
        details.setDetail(": " + s.type().display());
        item.setDetail(s.describe());
      }
      item.setLabelDetails(details);
      int before = items.size();
      add(item, insert, snippet);
      if (items.size() > before) {
        item.setData(symbols.size());
        symbols.add(s);
      }
    }

    private static CompletionItemKind kind(Symbol s, boolean member) {
      return switch (s.kind()) {
        case MODULE -> CompletionItemKind.Module;
        case RECORD -> CompletionItemKind.Struct;
        case ENUM -> CompletionItemKind.Enum;
        case ENUM_MEMBER -> CompletionItemKind.EnumMember;
        case FIELD -> CompletionItemKind.Field;
        case FUNCTION, EXTERN_FUNCTION -> member ? CompletionItemKind.Method : CompletionItemKind.Function;
        case PARAM, FUNCTION_PARAM, LAMBDA_PARAM, LOOP_VARIABLE -> CompletionItemKind.Variable;
        case LET -> s.module() == null ? CompletionItemKind.Variable : CompletionItemKind.Constant;
        case TYPE_PARAM -> CompletionItemKind.TypeParameter;
        case BUILTIN_TYPE -> CompletionItemKind.Class;
        case RUNBOOK -> CompletionItemKind.Function;
      };
    }
  }
}
