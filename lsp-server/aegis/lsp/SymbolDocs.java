package aegis.lsp;

import aegis.syntax.ast.Effect;
import aegis.types.Symbol;

/** The Markdown that hover, completion and signature help show for a symbol: what it is, its docs, its effect. */
final class SymbolDocs {
  private SymbolDocs() {}

  /** A code block with the symbol's one-line description, then its documentation and effect. */
  static String markdown(Symbol s) {
    var sb = new StringBuilder(code(s.describe()));
    if (s.kind() == Symbol.Kind.FIELD && s.module() != null) sb.append("\nfield of a record of `").append(s.module()).append("`\n");
    var doc = documentation(s);
    if (!doc.isEmpty()) sb.append('\n').append(doc).append('\n');
    if (s.isFunction()) sb.append('\n').append(effect(s.effect())).append('\n');
    return sb.toString();
  }

  /** The documentation and effect, without the description (for completion items, which show it apart). */
  static String documentation(Symbol s) {
    return s.doc() == null ? "" : s.doc().strip();
  }

  static String code(String text) { return "```aegis\n" + text + "\n```\n"; }

  /** What an effect means for someone about to run the runbook. */
  static String effect(Effect e) {
    return switch (e) {
      case PURE -> "Effect: **pure**: computes a value, touches nothing.";
      case READ -> "Effect: **read**: reads live state; runs for real during a plan.";
      case WRITE -> "Effect: **write**: changes state; planned, not run, during a plan; only inside a `step`.";
      case DESTRUCTIVE -> "Effect: **destructive**: loses data or availability; needs approval to apply; only inside a `step`.";
    };
  }
}
