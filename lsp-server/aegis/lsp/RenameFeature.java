package aegis.lsp;

import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.Tokens;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.ImportDecl;
import aegis.types.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Rename, where it is safe. Refused for built-in and stdlib names (their source is not the user's),
 * runbook names (a file rename), a new name that is not an identifier, and a new name that some
 * use or the declaration already sees bound to something else (the rename would change what a
 * name means). Renaming the module of {@code import k8s} adds an alias: {@code import k8s as kube}.
 */
public final class RenameFeature {
  /** Why a rename cannot be done; its message goes to the user as it is. */
  public static final class Refused extends Exception {
    public Refused(String message) { super(message, null, false, false); }
  }

  private final ReferencesFeature references;
  private final StdlibFiles stdlib;

  public RenameFeature(ReferencesFeature references, StdlibFiles stdlib) {
    this.references = references;
    this.stdlib = stdlib;
  }

  /** The range of the name that would be renamed. */
  public Range prepare(Analysis a, Position position) throws Refused {
    return Positions.range(renamable(a, position).name());
  }

  public WorkspaceEdit rename(Analysis a, Position position, String newName) throws Refused {
    var at = renamable(a, position);
    if (!isIdentifier(newName)) throw new Refused("`" + newName + "` is not a name: use letters, digits and `_`, not a keyword");
    var s = at.symbol();
    if (newName.equals(s.name())) return new WorkspaceEdit(Map.of());
    var occurrences = references.occurrences(a, at);
    checkConflicts(a, at, newName, occurrences);
    var changes = new LinkedHashMap<String, List<TextEdit>>();
    for (var e : occurrences.entrySet()) {
      var edits = new ArrayList<TextEdit>();
      for (var span : e.getValue()) edits.add(new TextEdit(Positions.range(span), replacement(a, s, span, newName)));
      if (!edits.isEmpty()) changes.put(e.getKey(), edits);
    }
    return new WorkspaceEdit(changes);
  }

  private SymbolAt renamable(Analysis a, Position position) throws Refused {
    var at = SymbolAt.find(a, Positions.offset(a.source(), position));
    if (at == null) throw new Refused("there is no name here to rename");
    var s = at.symbol();
    if (s.span() == null) throw new Refused("`" + s.name() + "` is built into the language and cannot be renamed");
    if (a.stdlibModule() != null || stdlib.moduleOf(s.span().file()) != null) {
      throw new Refused("`" + s.name() + "` is declared in the standard library and cannot be renamed");
    }
    if (s.kind() == Symbol.Kind.RUNBOOK) throw new Refused("a runbook is renamed by renaming its file");
    if (s.kind() == Symbol.Kind.TYPE_PARAM || s.kind() == Symbol.Kind.BUILTIN_TYPE) {
      throw new Refused("`" + s.name() + "` cannot be renamed");
    }
    return at;
  }

  /** For an import without an alias, the module name stays and the alias is added. */
  private static String replacement(Analysis a, Symbol s, Span span, String newName) {
    if (s.kind() == Symbol.Kind.MODULE && s.declaration() instanceof ImportDecl.Module m && m.explicitAlias() == null
        && span.start() == m.module().span().start() && span.file() == a.source()) {
      return m.module().name() + " as " + newName;
    }
    return newName;
  }

  private static void checkConflicts(Analysis a, SymbolAt at, String newName, Map<String, List<Span>> occurrences)
      throws Refused {
    var key = at.key();
    boolean member = at.symbol().kind() == Symbol.Kind.FIELD || at.symbol().kind() == Symbol.Kind.ENUM_MEMBER;
    for (var span : member ? List.<Span>of() : occurrences.getOrDefault(a.uri(), List.<Span>of())) {
      var other = a.program().namesVisibleAt(span.start()).get(newName);
      if (other != null && !SymbolAt.Key.of(other).equals(key)) {
        throw new Refused("`" + newName + "` already names " + other.describe() + " where `" + at.symbol().name()
            + "` is used (" + lineOf(span) + "); the rename would change what that name means");
      }
    }
    if (member) {
      for (var d : a.ast().decls()) {
        if (d instanceof Decl.Record r && r.span().contains(at.symbol().span().start())
            && r.fields().stream().anyMatch(f -> f.name().name().equals(newName))) {
          throw new Refused("record `" + r.name().name() + "` already has a field `" + newName + "`");
        }
        if (d instanceof Decl.Enum e && e.span().contains(at.symbol().span().start())
            && e.members().stream().anyMatch(m -> m.name().equals(newName))) {
          throw new Refused("enum `" + e.name().name() + "` already has a member `" + newName + "`");
        }
      }
    }
  }

  private static String lineOf(Span span) { return "line " + span.line(); }

  static boolean isIdentifier(String name) {
    var tokens = Tokens.lex(SourceFile.virtual("name", name));
    return tokens.size() == 1 && tokens.getFirst().kind() == Tokens.Kind.IDENTIFIER;
  }
}
