package aegis.lsp;

import aegis.syntax.Tokens;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.StepOption;
import aegis.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;

/**
 * Signature help inside a call's parentheses (and {@code run x(...)}, {@code retry(...)},
 * {@code parallel(...)}): the parameters, the one being typed (by position, or by the name of a
 * named argument), the docs and, for built-ins, the effect.
 */
public final class SignatureHelpFeature {
  public SignatureHelp help(Analysis a, Position position) {
    int offset = Positions.offset(a.source(), position);
    var path = NodeFinder.path(a.ast(), offset);
    for (int i = path.size() - 1; i >= 0; i--) {
      var node = path.get(i);
      int open = openParen(a, node, offset);
      if (open < 0) continue;
      var target = CallTargets.of(a, node);
      if (target == null) return null;
      return help(target, activeParameter(a, target, open, offset));
    }
    return null;
  }

  /** The offset of the {@code (} of a call-like node when the cursor is inside its argument list; else -1. */
  private static int openParen(Analysis a, Node node, int offset) {
    int after = switch (node) {
      case Expr.Call c -> c.callee().span().end();
      case Stmt.Run r -> r.runbook().span().end();
      case StepOption.Retry r -> r.span().start();
      case Stmt.For f when f.isParallel() -> f.iterable().span().end();
      default -> -1;
    };
    if (after < 0 || offset <= after) return -1;
    var tokens = a.tokens();
    int k = Tokens.indexAt(tokens, after);
    for (; k >= 0 && k < tokens.size(); k++) {
      var t = tokens.get(k);
      if (t.span().start() >= offset) return -1;
      if (t.is("(")) break;
      if (t.significant() && !t.is("retry") && !t.is("parallel")) return -1;
    }
    if (k < 0 || k >= tokens.size()) return -1;
    int open = tokens.get(k).span().start();
    boolean closed = node.span().end() > open && a.source().text().charAt(node.span().end() - 1) == ')';
    if (closed && offset >= node.span().end()) return -1;
    return open;
  }

  /** The parameter the argument at the cursor goes to: its name if it has one, else its position. */
  private static int activeParameter(Analysis a, CallTargets target, int open, int offset) {
    var tokens = a.tokens();
    int depth = 0;
    int commas = 0;
    String named = null;
    Tokens.Tok lastWord = null;
    for (int k = Tokens.indexAt(tokens, open) + 1; k < tokens.size() && tokens.get(k).span().start() < offset; k++) {
      var t = tokens.get(k);
      if (!t.significant()) continue;
      switch (t.text()) {
        case "(", "[", "{" -> depth++;
        case ")", "]", "}" -> depth--;
        case "," -> {
          if (depth == 0) {
            commas++;
            named = null;
          }
        }
        case ":" -> {
          if (depth == 0 && lastWord != null) named = lastWord.text();
        }
        default -> { }
      }
      lastWord = t.kind() == Tokens.Kind.IDENTIFIER || t.kind() == Tokens.Kind.KEYWORD ? t : null;
    }
    if (named != null) {
      for (int i = 0; i < target.params().size(); i++) if (target.params().get(i).name().equals(named)) return i;
      return -1;
    }
    return commas;
  }

  private static SignatureHelp help(CallTargets target, int active) {
    String label = target.signatureLabel();
    var params = new ArrayList<ParameterInformation>();
    int from = label.indexOf('(') + 1;
    for (var p : target.params()) {
      int start = label.indexOf(p.label(), from);
      var info = new ParameterInformation();
      info.setLabel(Either.forRight(Tuple.two(start, start + p.label().length())));
      if (p.doc() != null) info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, p.doc()));
      params.add(info);
      from = start + p.label().length();
    }
    var signature = new SignatureInformation(label);
    signature.setParameters(params);
    var s = target.symbol();
    if (s != null) {
      var doc = SymbolDocs.documentation(s);
      if (s.isFunction()) doc = (doc.isEmpty() ? "" : doc + "\n\n") + SymbolDocs.effect(s.effect());
      if (!doc.isEmpty()) signature.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
    }
    signature.setActiveParameter(active);
    var help = new SignatureHelp(List.of(signature), 0, active);
    return help;
  }
}
