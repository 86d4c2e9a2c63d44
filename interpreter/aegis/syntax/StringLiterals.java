package aegis.syntax;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.antlr.Aegis;
import aegis.syntax.antlr.AegisLexer;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.StringPart;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.Token;

/**
 * Builds string literals: decodes escapes, splits out {@code ${...}} interpolations, and strips the
 * common indentation of {@code """} strings the way Java text blocks do (the line of the opening
 * quotes and a last line holding only the closing quotes do not count as content).
 */
final class StringLiterals {
  /** Stands for an interpolation while a multi-line string is de-indented. */
  private static final char HOLE = '\uFFFF';

  private final SourceFile file;
  private final Offsets offsets;
  private final List<Diagnostic> diagnostics;
  private final Function<Aegis.ExprContext, Expr> exprs;

  StringLiterals(SourceFile file, Offsets offsets, List<Diagnostic> diagnostics, Function<Aegis.ExprContext, Expr> exprs) {
    this.file = file;
    this.offsets = offsets;
    this.diagnostics = diagnostics;
    this.exprs = exprs;
  }

  Expr.StringLit build(Aegis.StringLitContext ctx, Span span) {
    if (ctx.TDQUOTE() != null) return multiLine(ctx, span);
    // Error recovery hands over a string that has no opening quote (`report 42`): the parser has
    // said what it expected, and there is no string here to call unterminated.
    if (ctx.DQUOTE() == null) return new Expr.StringLit(List.of(), false, span);
    return singleLine(ctx, span);
  }

  private Expr.StringLit singleLine(Aegis.StringLitContext ctx, Span span) {
    if (ctx.STR_NEWLINE() != null || ctx.STR_CLOSE() == null) {
      diagnostics.add(Diagnostic.of(Code.AEG102, span)
          .withHint("close it with `\"` on the same line, or use `\"\"\"` for text over several lines"));
    }
    var parts = new ArrayList<StringPart>();
    var text = new StringBuilder();
    int textStart = -1;
    int textEnd = -1;
    for (var part : ctx.stringPart()) {
      Token t = part.getStart();
      if (part.INTERP_OPEN() != null) {
        if (textStart >= 0) parts.add(new StringPart.Text(text.toString(), new Span(file, textStart, textEnd)));
        text.setLength(0);
        textStart = -1;
        parts.add(new StringPart.Interpolation(exprs.apply(part.expr()), partSpan(part)));
        continue;
      }
      if (textStart < 0) textStart = offsets.start(t);
      textEnd = offsets.end(t);
      if (t.getType() == AegisLexer.STR_ESCAPE) text.append(escape(t.getText(), offsets.span(file, t)));
      else text.append(t.getText());
    }
    if (textStart >= 0) parts.add(new StringPart.Text(text.toString(), new Span(file, textStart, textEnd)));
    return new Expr.StringLit(parts, false, span);
  }

  private Expr.StringLit multiLine(Aegis.StringLitContext ctx, Span span) {
    var raw = new StringBuilder();
    var holes = new ArrayList<StringPart.Interpolation>();
    for (var part : ctx.mstringPart()) {
      if (part.MINTERP_OPEN() != null) {
        raw.append(HOLE);
        holes.add(new StringPart.Interpolation(exprs.apply(part.expr()), partSpan(part)));
      } else {
        raw.append(part.getStart().getText());
      }
    }
    // Quotes before the closing three are text; a closing token conjured by error recovery is not.
    var close = ctx.MSTR_CLOSE();
    if (close != null && close.getSymbol().getTokenIndex() >= 0) {
      raw.append(close.getText(), 0, close.getText().length() - 3);
    }
    String dedented = dedent(raw.toString().replace("\r\n", "\n"));
    var parts = new ArrayList<StringPart>();
    int hole = 0;
    int from = 0;
    for (int i = 0; i <= dedented.length(); i++) {
      if (i == dedented.length() || dedented.charAt(i) == HOLE) {
        if (i > from) parts.add(new StringPart.Text(decodeAll(dedented.substring(from, i), span), span));
        if (i < dedented.length()) parts.add(holes.get(hole++));
        from = i + 1;
      }
    }
    return new Expr.StringLit(parts, true, span);
  }

  static String dedent(String raw) {
    var lines = new ArrayList<>(List.of(raw.split("\n", -1)));
    if (lines.size() > 1 && lines.getFirst().isBlank()) lines.removeFirst();
    boolean closingLine = lines.size() > 1 && lines.getLast().isBlank();
    int indent = Integer.MAX_VALUE;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean last = i == lines.size() - 1;
      if (line.isBlank() && !(last && closingLine)) continue;
      int n = 0;
      while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) n++;
      indent = Math.min(indent, n);
    }
    if (indent == Integer.MAX_VALUE) indent = 0;
    if (closingLine) lines.removeLast();
    var out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i > 0) out.append('\n');
      out.append(line.length() >= indent ? line.substring(indent) : line.stripLeading());
    }
    return out.toString();
  }

  private String decodeAll(String raw, Span span) {
    if (raw.indexOf('\\') < 0) return raw;
    var out = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        out.append(escape(raw.substring(i, i + 2), span));
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private String escape(String text, Span span) {
    return switch (text) {
      case "\\n" -> "\n";
      case "\\t" -> "\t";
      case "\\r" -> "\r";
      case "\\\"" -> "\"";
      case "\\\\" -> "\\";
      case "\\$" -> "$";
      default -> {
        diagnostics.add(Diagnostic.of(Code.AEG103, span, text)
            .withHint("the escapes are \\n \\t \\r \\\" \\\\ and \\$"));
        yield text;
      }
    };
  }

  private Span partSpan(org.antlr.v4.runtime.ParserRuleContext part) {
    Token start = part.getStart();
    Token stop = part.getStop();
    int s = offsets.start(start);
    int e = stop == null ? s : offsets.end(stop);
    return new Span(file, s, Math.max(s, e));
  }

}
