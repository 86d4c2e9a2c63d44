package aegis.lsp;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.Span;
import aegis.types.ModuleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes from the checker's diagnostics: apply a "did you mean `x`?" hint, and add the missing
 * {@code import} when an unknown name is a stdlib module.
 */
public final class CodeActionFeature {
  private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean `([^`]+)`\\?");

  private final ModuleRegistry registry;
  private final DiagnosticsFeature diagnostics;

  public CodeActionFeature(ModuleRegistry registry, DiagnosticsFeature diagnostics) {
    this.registry = registry;
    this.diagnostics = diagnostics;
  }

  public List<CodeAction> actions(Analysis a, Range range) {
    int from = Positions.offset(a.source(), range.getStart());
    int to = Positions.offset(a.source(), range.getEnd());
    var out = new ArrayList<CodeAction>();
    var lsp = diagnostics.convert(a);
    var all = a.program().diagnostics();
    for (int i = 0; i < all.size(); i++) {
      var d = all.get(i);
      var span = d.span();
      if (span.file() != a.source() || span.end() < from || span.start() > to) continue;
      var attached = List.of(lsp.get(i));
      for (var hint : d.hints()) {
        var m = DID_YOU_MEAN.matcher(hint);
        if (!m.find()) continue;
        var replacement = replacement(span, m.group(1));
        var action = action("Change to `" + replacement + "`", a, List.of(new TextEdit(Positions.range(span), replacement)));
        action.setDiagnostics(attached);
        action.setIsPreferred(true);
        out.add(action);
      }
      var module = missingModule(a, d);
      if (module != null) {
        var action = action("Add `import " + module + "`", a, List.of(importEdit(a, module)));
        action.setDiagnostics(attached);
        out.add(action);
      }
    }
    return out;
  }

  /** A suggestion {@code k8s.rollout} for a span that holds only the member name keeps just {@code rollout}. */
  private static String replacement(Span span, String suggestion) {
    if (!span.text().contains(".") && suggestion.contains(".")) return suggestion.substring(suggestion.lastIndexOf('.') + 1);
    return suggestion;
  }

  /** The stdlib module an unknown name is, when it is not imported. */
  private String missingModule(Analysis a, Diagnostic d) {
    if (d.code() != Code.AEG201 && d.code() != Code.AEG204) return null;
    var name = d.span().text();
    if (name.contains(".") || name.equals("core") || !registry.stdlibNames().contains(name)) return null;
    for (var i : a.program().imports()) if (i.alias().equals(name)) return null;
    return name;
  }

  /** {@code import m} after the last import, else after the header, else at the top. */
  private static TextEdit importEdit(Analysis a, String module) {
    var ast = a.ast();
    int at;
    String text;
    if (!ast.imports().isEmpty()) {
      at = ast.imports().getLast().span().end();
      text = "\nimport " + module;
    } else if (ast.header() != null) {
      at = ast.header().span().end();
      text = "\n\nimport " + module;
    } else {
      at = 0;
      text = "import " + module + "\n";
    }
    var pos = Positions.position(a.source(), at);
    return new TextEdit(new Range(pos, pos), text);
  }

  private static CodeAction action(String title, Analysis a, List<TextEdit> edits) {
    var action = new CodeAction(title);
    action.setKind(CodeActionKind.QuickFix);
    action.setEdit(new WorkspaceEdit(Map.of(a.uri(), edits)));
    return action;
  }
}
